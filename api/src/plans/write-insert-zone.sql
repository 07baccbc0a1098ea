-- $1 zone ref, $2 plan id, $3 use codes, $4 max gross floor area, $5 max height,
-- $6 illustrative, $7 source, $8 max gross floor area %, $9 max building area,
-- $10 max building area %, $11 GeoJSON geometry, $12 its srid
insert into plan_zones (ref, plan_id, use_codes, max_gross_floor_area_m2, max_height_m, illustrative, source,
                        max_gross_floor_area_percent, max_building_area_m2, max_building_area_percent, geom)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, geom_from_geojson($11, $12::int))
on conflict (ref) do nothing
returning id;
