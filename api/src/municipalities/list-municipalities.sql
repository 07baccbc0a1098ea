-- $1 srid out, $2-$5 bbox in $1, $6 (unused: no area filter), $7 ref, $8 relation
select coalesce(json_agg(f.feature order by f.ref), '[]')::text as features
from (
  select m.ref, json_build_object(
    'type', 'Feature',
    'id', m.id,
    'geometry', geom_to_geojson(m.geom, $1::int),
    'properties', json_build_object(
      'id', m.id,
      'ref', m.ref,
      'name', m.name,
      'neighbours', m.neighbours,
      'relation', m.relation,
      'source', m.source
    )
  ) as feature
  from municipalities m
  where ($2::float8 is null or ST_Intersects(m.geom, ST_Transform(ST_MakeEnvelope($2, $3, $4, $5, $1::int), 3006)))
    and ($6::text is null or true)
    and ($7::text is null or m.ref = $7)
    and ($8::text is null or m.relation = $8)
) f;
