-- $1 zone ref, $2 expected version, $3 use codes, $4 max gross floor area, $5 max height,
-- $6 illustrative, $7 source, $8 max gross floor area %, $9 max building area,
-- $10 max building area %, $11 GeoJSON geometry (null: unchanged), $12 its srid
update plan_zones set
  use_codes = $3, max_gross_floor_area_m2 = $4, max_height_m = $5, illustrative = $6, source = $7,
  max_gross_floor_area_percent = $8, max_building_area_m2 = $9, max_building_area_percent = $10,
  geom = case when $11::text is null then geom else geom_from_geojson($11, $12::int) end
where ref = $1 and version = $2
returning version;
