-- $1 ref, $2 name, $3 mode, $4 planned, $5 opening year, $6 source id, $7 municipality code,
-- $8 illustrative, $9 source, $10 GeoJSON geometry, $11 its srid, $12 departures per hour
insert into stops (ref, name, mode, planned, opening_year, source_id, municipality_code, illustrative, source, geom,
                   departures_per_hour)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, geom_from_geojson($10, $11::int), $12)
on conflict (ref) do update set
  name = excluded.name,
  mode = excluded.mode,
  planned = excluded.planned,
  opening_year = excluded.opening_year,
  source_id = excluded.source_id,
  municipality_code = excluded.municipality_code,
  illustrative = excluded.illustrative,
  source = excluded.source,
  geom = excluded.geom,
  departures_per_hour = excluded.departures_per_hour
returning (xmax = 0) as inserted;
