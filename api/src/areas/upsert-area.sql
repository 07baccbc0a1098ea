-- $1 ref, $2 name, $3 municipality code, $4 profile, $5 facts, $6 illustrative, $7 source,
-- $8 GeoJSON geometry, $9 its srid. Returns whether the row was inserted (else updated).
insert into areas (ref, name, municipality_code, profile, facts, illustrative, source, geom)
values ($1, $2, $3, $4, $5::jsonb, $6, $7, geom_from_geojson($8, $9::int))
on conflict (ref) do update set
  name = excluded.name,
  municipality_code = excluded.municipality_code,
  profile = excluded.profile,
  facts = excluded.facts,
  illustrative = excluded.illustrative,
  source = excluded.source,
  geom = excluded.geom
returning (xmax = 0) as inserted;
