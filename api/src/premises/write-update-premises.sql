-- $1 ref, $2 expected version, $3 title, $4 kind, $5 floor area, $6 rent, $7 available from,
-- $8 status, $9 address, $10 illustrative, $11 source, $12 GeoJSON geometry (null: unchanged),
-- $13 its srid, $14 whether this edit confirms the listing (the owner looked at it)
update premises set
  title = $3, kind = $4, floor_area_m2 = $5, rent_sek_per_m2_year = $6, available_from = $7,
  status = $8, address = $9, illustrative = $10, source = $11,
  geom = case when $12::text is null then geom else geom_from_geojson($12, $13::int) end,
  confirmed_at = case when $14::boolean then now() else confirmed_at end
where ref = $1 and version = $2
returning version;
