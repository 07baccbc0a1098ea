-- $1 zone ref, $2 plan id, $3 use codes, $4 max gross floor area, $5 max height,
-- $6 illustrative, $7 source, $8 GeoJSON geometry, $9 its srid, $10 max gross floor area %,
-- $11 max building area, $12 max building area %
insert into plan_zones (ref, plan_id, use_codes, max_gross_floor_area_m2, max_height_m, illustrative, source, geom,
                        max_gross_floor_area_percent, max_building_area_m2, max_building_area_percent)
values ($1, $2, $3, $4, $5, $6, $7, geom_from_geojson($8, $9::int), $10, $11, $12)
on conflict (ref) do update set
  plan_id = excluded.plan_id,
  use_codes = excluded.use_codes,
  max_gross_floor_area_m2 = excluded.max_gross_floor_area_m2,
  max_height_m = excluded.max_height_m,
  max_gross_floor_area_percent = excluded.max_gross_floor_area_percent,
  max_building_area_m2 = excluded.max_building_area_m2,
  max_building_area_percent = excluded.max_building_area_percent,
  illustrative = excluded.illustrative,
  source = excluded.source,
  geom = excluded.geom
returning (xmax = 0) as inserted;
