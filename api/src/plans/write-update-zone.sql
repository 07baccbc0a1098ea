-- $1 zone ref, $2 expected version, $3 use codes, $4 max gross floor area, $5 max height,
-- $6 illustrative, $7 source, $8 GeoJSON geometry (null: unchanged), $9 its srid
update plan_zones set
  use_codes = $3, max_gross_floor_area_m2 = $4, max_height_m = $5, illustrative = $6, source = $7,
  geom = case when $8::text is null then geom else geom_from_geojson($8, $9::int) end
where ref = $1 and version = $2
returning version;
