-- $1 zone ref (= the key of its first use regulation), $2 plan id, $3 use codes,
-- $4 max gross floor area m², $5 max gross floor area %, $6 max building area m²,
-- $7 max building area %, $8 max height m, $9 source, $10 the key of its geometry in nis_objects.
-- Returns nothing when the ref belongs to another plan's zone.
insert into plan_zones (ref, plan_id, use_codes, max_gross_floor_area_m2, max_gross_floor_area_percent,
                        max_building_area_m2, max_building_area_percent, max_height_m, source, illustrative, geom)
select $1, $2, $3, $4, $5, $6, $7, $8, $9, false, geom from nis_objects where key = $10
on conflict (ref) do update set
  use_codes = excluded.use_codes, max_gross_floor_area_m2 = excluded.max_gross_floor_area_m2,
  max_gross_floor_area_percent = excluded.max_gross_floor_area_percent, max_building_area_m2 = excluded.max_building_area_m2,
  max_building_area_percent = excluded.max_building_area_percent, max_height_m = excluded.max_height_m,
  source = excluded.source, illustrative = false, geom = excluded.geom
where plan_zones.plan_id = excluded.plan_id
returning (xmax = 0) as inserted;
