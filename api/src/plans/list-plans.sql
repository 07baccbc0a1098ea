-- $1 srid out, $2-$5 bbox in $1, $6 area ref, $7 zone ref, $8 plan statuses,
-- $9 use filter (code letters and/or matching uses), $10 plan id
select coalesce(json_agg(f.feature order by f.ref), '[]')::text as features
from (
  select z.ref, json_build_object(
    'type', 'Feature',
    'id', z.id,
    'geometry', geom_to_geojson(z.geom, $1::int),
    'properties', json_build_object(
      'id', z.id,
      'ref', z.ref,
      'planId', p.plan_id,
      'planName', p.name,
      'status', p.status,
      'useCodes', z.use_codes,
      'useNames', (select json_agg(u.name_sv order by c.ord)
                   from unnest(z.use_codes) with ordinality c(code, ord)
                   join use_codes u on u.code = left(c.code, 1)),
      'legalForceDate', p.legal_force_date,
      'expectedLegalForceDate', p.expected_legal_force_date,
      'implementationEndDate', p.implementation_end_date,
      'statusChangedAt', p.status_changed_at,
      'maxGrossFloorAreaM2', z.max_gross_floor_area_m2,
      'maxGrossFloorAreaPercent', z.max_gross_floor_area_percent,
      'maxBuildingAreaM2', z.max_building_area_m2,
      'maxBuildingAreaPercent', z.max_building_area_percent,
      'maxHeightM', z.max_height_m,
      'areaM2', round(ST_Area(z.geom)::numeric, 1),
      'illustrative', z.illustrative,
      'source', z.source,
      'version', z.version,
      'planVersion', p.version,
      'updatedAt', greatest(z.updated_at, p.updated_at)
    )
  ) as feature
  from plan_zones z
  join plans p on p.plan_id = z.plan_id
  where ($2::float8 is null or ST_Intersects(z.geom, ST_Transform(ST_MakeEnvelope($2, $3, $4, $5, $1::int), 3006)))
    and ($6::text is null or exists (select 1 from areas a where a.ref = $6 and ST_Intersects(a.geom, z.geom)))
    and ($7::text is null or z.ref = $7)
    and ($8::text[] is null or p.status = any ($8))
    and ($9::text[] is null or exists (
      select 1 from unnest(z.use_codes) c
      where left(c, 1) = any ($9)
         or left(c, 1) = any (select unnest(m.plan_codes) from match_uses m where m.use = any ($9))))
    and ($10::text is null or p.plan_id = $10)
) f;
