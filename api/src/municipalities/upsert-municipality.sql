-- $1 kommunkod, $2 name, $3 neighbour codes, $4 relation, $5 source, $6 GeoJSON, $7 its srid
insert into municipalities (ref, name, neighbours, relation, source, geom)
values ($1, $2, $3, $4, $5, geom_from_geojson($6, $7::int))
on conflict (ref) do update set
  name = excluded.name,
  neighbours = excluded.neighbours,
  relation = excluded.relation,
  source = excluded.source,
  geom = excluded.geom
returning (xmax = 0) as inserted;
