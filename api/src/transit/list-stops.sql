-- $1 srid out, $2-$5 bbox in $1, $6 area ref, $7 ref, $8 modes, $9 planned
select coalesce(json_agg(f.feature order by f.ref), '[]')::text as features
from (
  select s.ref, json_build_object(
    'type', 'Feature',
    'id', s.id,
    'geometry', geom_to_geojson(s.geom, $1::int),
    'properties', json_build_object(
      'id', s.id,
      'ref', s.ref,
      'name', s.name,
      'mode', s.mode,
      'planned', s.planned,
      'openingYear', s.opening_year,
      'departuresPerHour', s.departures_per_hour,
      'sourceId', s.source_id,
      'municipalityCode', s.municipality_code,
      'illustrative', s.illustrative,
      'source', s.source
    )
  ) as feature
  from stops s
  where ($2::float8 is null or ST_Intersects(s.geom, ST_Transform(ST_MakeEnvelope($2, $3, $4, $5, $1::int), 3006)))
    and ($6::text is null or exists (select 1 from areas a where a.ref = $6 and ST_Intersects(a.geom, s.geom)))
    and ($7::text is null or s.ref = $7)
    and ($8::text[] is null or s.mode = any ($8))
    and ($9::boolean is null or s.planned = $9)
) f;
