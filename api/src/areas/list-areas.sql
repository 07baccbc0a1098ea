-- $1 srid out, $2-$5 bbox in $1, $6 area ref, $7 ref
select coalesce(json_agg(f.feature order by f.ref), '[]')::text as features
from (
  select a.ref, json_build_object(
    'type', 'Feature',
    'id', a.id,
    'geometry', geom_to_geojson(a.geom, $1::int),
    'properties', json_build_object(
      'id', a.id,
      'ref', a.ref,
      'name', a.name,
      'municipalityCode', a.municipality_code,
      'profile', a.profile,
      'facts', a.facts,
      'areaHa', round((ST_Area(a.geom) / 10000)::numeric, 2),
      'illustrative', a.illustrative,
      'source', a.source,
      'version', a.version,
      'updatedAt', a.updated_at
    )
  ) as feature
  from areas a
  where ($2::float8 is null or ST_Intersects(a.geom, ST_Transform(ST_MakeEnvelope($2, $3, $4, $5, $1::int), 3006)))
    and ($6::text is null or a.ref = $6)
    and ($7::text is null or a.ref = $7)
) f;
