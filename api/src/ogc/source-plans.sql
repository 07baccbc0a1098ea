-- The plans collection: one use zone per feature (see source-land.sql for the column contract).
select z.id as ord, z.ref as fid, z.geom, p.legal_force_date::timestamp at time zone 'UTC' as dt,
  z.ref as "ref", p.plan_id as "planId", p.name as "planName", p.status as "status",
  array_to_string(z.use_codes, ',') as "useCodes",
  p.legal_force_date as "legalForceDate", p.expected_legal_force_date as "expectedLegalForceDate",
  p.implementation_end_date as "implementationEndDate",
  z.max_gross_floor_area_m2 as "maxGrossFloorAreaM2", z.max_gross_floor_area_percent as "maxGrossFloorAreaPercent",
  z.max_building_area_m2 as "maxBuildingAreaM2", z.max_building_area_percent as "maxBuildingAreaPercent",
  z.max_height_m as "maxHeightM",
  z.illustrative as "illustrative",
  json_build_object(
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
  ) as properties
from plan_zones z
join plans p on p.plan_id = z.plan_id
