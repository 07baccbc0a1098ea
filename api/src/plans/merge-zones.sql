-- $1 skip unchanged rows (no version bump). Merges a load's checked zones (load_rows) into
-- plan_zones in one statement, like upsert-zone.sql row by row (plans merged first).
with merged as (
  insert into plan_zones as z (ref, plan_id, use_codes, max_gross_floor_area_m2, max_height_m, illustrative, source, geom,
                               max_gross_floor_area_percent, max_building_area_m2, max_building_area_percent)
  select r.ref, p."planId", p."useCodes", p."maxGrossFloorAreaM2", p."maxHeightM", p.illustrative, p.source, r.geom,
         p."maxGrossFloorAreaPercent", p."maxBuildingAreaM2", p."maxBuildingAreaPercent"
  from load_rows r
  cross join lateral jsonb_to_record(r.props) as p("planId" text, "useCodes" text[], "maxGrossFloorAreaM2" numeric,
    "maxHeightM" numeric, illustrative boolean, source text, "maxGrossFloorAreaPercent" numeric,
    "maxBuildingAreaM2" numeric, "maxBuildingAreaPercent" numeric)
  order by r.idx
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
  where not $1 or (z.plan_id, z.use_codes, z.max_gross_floor_area_m2, z.max_height_m, z.max_gross_floor_area_percent,
                   z.max_building_area_m2, z.max_building_area_percent, z.illustrative, z.source, z.geom)
    is distinct from (excluded.plan_id, excluded.use_codes, excluded.max_gross_floor_area_m2, excluded.max_height_m,
                      excluded.max_gross_floor_area_percent, excluded.max_building_area_m2, excluded.max_building_area_percent,
                      excluded.illustrative, excluded.source, excluded.geom)
  returning z.ref, (z.xmax = 0) as inserted
), touched as (
  insert into load_touched select ref, inserted from merged returning inserted
)
select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from touched;
