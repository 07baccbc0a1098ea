-- Every row of the snapshot's premises stops at once, as COPY text (snapshot.ts streams and parses it).
copy (select site_id, mode, planned, stop_id, distance, opening_year from match_snapshot_stops where site_kind = 'premises') to stdout
