-- $1 plan id. Everything a national plan document is written from, geometries in 3006 split
-- into their parts (DP-0004: no multigeometries), exterior rings counter-clockwise, mm.
with p as (select * from plans where plan_id = $1),
parts as (
  select g.key, json_agg(ST_AsGeoJSON(ST_ForcePolygonCCW(d.geom), 3, 0)::json order by d.path) as parts
  from (
    select 'plan' as key, coalesce((select boundary from p), (select ST_Union(geom) from plan_zones where plan_id = $1)) as geom
    union all select national_id::text, geom from plan_regulations where plan_id = $1
    union all select 'zone:' || ref, geom from plan_zones where plan_id = $1
  ) g, ST_Dump(g.geom) d
  group by g.key
)
select json_build_object(
  'planId', p.plan_id, 'nationalId', p.national_id, 'nationalVersion', p.national_version, 'version', p.version,
  'versionValidFrom', p.version_valid_from, 'updatedAt', p.updated_at, 'name', p.name, 'designation', p.designation,
  'municipalityName', coalesce(p.municipality_name, (
    -- a plan drawn in Etablera: the municipality its zones lie in most
    select m.name from municipalities m
    join plan_zones z on z.plan_id = p.plan_id and ST_Intersects(m.geom, z.geom)
    group by m.name order by sum(ST_Area(ST_Intersection(m.geom, z.geom))) desc limit 1)),
  'purpose', p.purpose, 'planType', p.plan_type, 'status', p.status, 'statusChangedAt', p.status_changed_at,
  'diaryNumber', p.diary_number, 'startedDate', p.started_date, 'adoptedDate', p.adopted_date,
  'legalForceDate', p.legal_force_date, 'implementationStartDate', p.implementation_start_date,
  'implementationMonths', p.implementation_months, 'implementationEndDate', p.implementation_end_date,
  'geometryMetadata', p.geometry_metadata,
  'boundary', (select parts from parts where key = 'plan'),
  'regulations', coalesce((
    select json_agg(json_build_object(
      'nationalId', r.national_id, 'kind', r.kind, 'catalogueId', r.catalogue_id, 'wording', r.wording,
      'originalWording', r.original_wording, 'values', r.variable_values, 'regulates', r.regulates, 'motive', r.motive,
      'geometryMetadata', r.geometry_metadata, 'parts', (select parts from parts where key = r.national_id::text)
    ) order by r.ord)
    from plan_regulations r where r.plan_id = p.plan_id), '[]'),
  -- zones no regulation describes: drawn in Etablera (or added to a national plan there)
  'zones', coalesce((
    select json_agg(json_build_object(
      'ref', z.ref, 'useCodes', z.use_codes, 'maxGrossFloorAreaM2', z.max_gross_floor_area_m2,
      'maxGrossFloorAreaPercent', z.max_gross_floor_area_percent, 'maxBuildingAreaM2', z.max_building_area_m2,
      'maxBuildingAreaPercent', z.max_building_area_percent, 'maxHeightM', z.max_height_m,
      'parts', (select parts from parts where key = 'zone:' || z.ref)
    ) order by z.ref)
    from plan_zones z
    where z.plan_id = p.plan_id and not exists (select 1 from plan_regulations r where r.zone_ref = z.ref)), '[]')
)::text as doc
from p;
