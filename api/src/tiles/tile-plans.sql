-- $1 z, $2 x, $3 y. One MVT layer 'plans': the use zones with their plan's status and dates,
-- coloured by Boverket's colour of the first use code.
with t as (select ST_TileEnvelope($1, $2, $3) as env, tile_envelope_3006($1, $2, $3) as search)
select ST_AsMVT(f, 'plans', 4096, 'geom', 'id') as tile
from (
  select z.id,
         z.ref,
         p.plan_id as "planId",
         p.name as "planName",
         p.designation, -- beteckning of a national plan (its planId is then a UUID)
         p.status,
         array_to_string(z.use_codes, ',') as "useCodes",
         left(z.use_codes[1], 1) as "useCode",
         coalesce(u.colour, '#cccccc') as colour,
         (select string_agg(c.name_sv, ', ' order by n.ord) from unnest(z.use_codes) with ordinality n(code, ord)
            join use_codes c on c.code = left(n.code, 1)) as "useNamesSv",
         (select string_agg(c.name_en, ', ' order by n.ord) from unnest(z.use_codes) with ordinality n(code, ord)
            join use_codes c on c.code = left(n.code, 1)) as "useNamesEn",
         p.legal_force_date::text as "legalForceDate",
         p.expected_legal_force_date::text as "expectedLegalForceDate",
         p.implementation_end_date::text as "implementationEndDate",
         z.max_gross_floor_area_m2::float8 as "maxGrossFloorAreaM2",
         z.max_gross_floor_area_percent::float8 as "maxGrossFloorAreaPercent",
         z.max_building_area_m2::float8 as "maxBuildingAreaM2",
         z.max_building_area_percent::float8 as "maxBuildingAreaPercent",
         z.max_height_m::float8 as "maxHeightM",
         round(ST_Area(z.geom))::float8 as "areaM2",
         z.illustrative or p.illustrative as illustrative,
         ST_AsMVTGeom(ST_Transform(z.geom, 3857), t.env, 4096, 64, true) as geom
  from t
  join plan_zones z on z.geom && t.search and ST_Intersects(z.geom, t.search)
  join plans p on p.plan_id = z.plan_id
  left join use_codes u on u.code = left(z.use_codes[1], 1)
) f
where f.geom is not null;
