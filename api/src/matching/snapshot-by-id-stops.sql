-- $1 site kind, $2 site ids: their nearest stops per mode (0090's view), without the kind column.
select site_id, mode, planned, stop_id, distance, opening_year from match_snapshot_stops
where site_kind = $1::text and site_id = any ($2::int[]);
