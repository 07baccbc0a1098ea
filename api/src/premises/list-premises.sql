-- $1 srid out, $2-$5 bbox in $1, $6 area ref, $7 ref, $8 statuses, $9 kinds, $10 matching uses,
-- $11 days after which an unconfirmed listing is stale (it then leaves the matching)
select coalesce(json_agg(f.feature order by f.ref), '[]')::text as features
from (
  select p.ref, json_build_object(
    'type', 'Feature',
    'id', p.id,
    'geometry', geom_to_geojson(p.geom, $1::int),
    'properties', json_build_object(
      'id', p.id,
      'ref', p.ref,
      'title', p.title,
      'kind', p.kind,
      'floorAreaM2', p.floor_area_m2,
      'rentSekPerM2Year', p.rent_sek_per_m2_year,
      'availableFrom', p.available_from,
      'status', p.status,
      'address', p.address,
      'areaRef', (select a.ref from areas a where ST_Intersects(a.geom, p.geom) order by a.ref limit 1),
      'confirmedAt', p.confirmed_at,
      'stale', p.confirmed_at < now() - make_interval(days => $11::int),
      'illustrative', p.illustrative,
      'source', p.source,
      'version', p.version,
      'updatedAt', p.updated_at
    )
  ) as feature
  from premises p
  where ($2::float8 is null or ST_Intersects(p.geom, ST_Transform(ST_MakeEnvelope($2, $3, $4, $5, $1::int), 3006)))
    and ($6::text is null or exists (select 1 from areas a where a.ref = $6 and ST_Intersects(a.geom, p.geom)))
    and ($7::text is null or p.ref = $7)
    and ($8::text[] is null or p.status = any ($8))
    and ($9::text[] is null or p.kind = any ($9))
    and ($10::text[] is null or p.kind = any (select unnest(m.premises_kinds) from match_uses m where m.use = any ($10)))
) f;
