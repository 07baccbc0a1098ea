-- The matching index's per-use rows (sql/migrations/0070) computed as one join instead of one
-- match_overlay_uses() call per parcel. The figures are the same rule-1/rule-6 overlay, use for
-- use (each zone part is cut from the parcel once, then grouped per parcel and use), but the
-- planner runs one spatial join over every parcel of the call: a first load of 100 000 parcels
-- (40 000 available) spent 5.9 s in the per-parcel calls (the inlined function recomputed
-- ST_Intersection for its filter and its output, sorted and grouped per parcel), 2.5 s so.
-- Only the order in which a group's building-rights figures are summed may differ (≈1e-12 m²).

create or replace function match_index_land_uses(p_ids integer[])
returns void language sql as $$
  delete from match_land_use u using unnest(p_ids) x(id) where u.parcel_id = x.id;
  insert into match_land_use (use, parcel_id, ready_m2, progress_m2, ready_date, ready_plan_ids, progress_plan_ids,
                              ready_gfa_m2, ready_footprint_m2, ready_height_m,
                              progress_gfa_m2, progress_footprint_m2, progress_height_m)
  with parts as materialized (
    -- materialized: ST_Intersection once per parcel and zone (the filter below and the
    -- aggregates read the stored part); the zone's area only where an absolute figure needs it
    select l.id as parcel_id, p.plan_id, p.status, p.expected_legal_force_date,
           -- the zone's code letters, matched against each use's plan codes with && below
           -- (one array per part instead of an unnest per part and use)
           (select array_agg(left(c, 1)) from unnest(z.use_codes) c) as letters,
           z.max_gross_floor_area_percent::float8 as gfa_pct, z.max_gross_floor_area_m2::float8 as gfa_abs,
           z.max_building_area_percent::float8 as fp_pct, z.max_building_area_m2::float8 as fp_abs,
           z.max_height_m::float8 as height,
           case when (z.max_gross_floor_area_percent is null and z.max_gross_floor_area_m2 is not null)
                  or (z.max_building_area_percent is null and z.max_building_area_m2 is not null)
                then ST_Area(z.geom) end as zone_m2,
           ST_Intersection(z.geom, l.geom) as part
    from land_parcels l
    join unnest(p_ids) x(id) on l.id = x.id
    join plan_zones z on z.geom && l.geom and ST_Intersects(z.geom, l.geom)
    join plans p on p.plan_id = z.plan_id
    where l.status = 'available'
      and p.status in ('in_force', 'consultation', 'review', 'adopted', 'appealed', 'supervision')
  ), used as (
    select *, ST_Area(part) as part_m2 from parts
  ), rights as (
    select x.parcel_id, u.use, x.plan_id, x.status, x.expected_legal_force_date, x.height, x.part,
           case when x.gfa_pct is not null then x.part_m2 * x.gfa_pct / 100
                when x.gfa_abs is not null then x.part_m2 / x.zone_m2 * x.gfa_abs end as gfa,
           case when x.fp_pct is not null then x.part_m2 * x.fp_pct / 100
                when x.fp_abs is not null then x.part_m2 / x.zone_m2 * x.fp_abs end as fp
    from used x
    join match_uses u on x.letters && u.plan_codes
    where x.part_m2 > 0
  )
  select
    use, parcel_id,
    coalesce(ST_Area(ST_Union(part) filter (where status = 'in_force')), 0),
    coalesce(ST_Area(ST_Union(part)), 0),
    case when bool_and(expected_legal_force_date is not null) filter (where status <> 'in_force')
         then max(expected_legal_force_date) filter (where status <> 'in_force') end,
    coalesce(array_agg(distinct plan_id) filter (where status = 'in_force'), '{}'),
    coalesce(array_agg(distinct plan_id), '{}'),
    case when bool_and(gfa is not null) filter (where status = 'in_force') is not false
         then coalesce(sum(gfa) filter (where status = 'in_force'), 0) end,
    case when bool_and(fp is not null) filter (where status = 'in_force') is not false
         then coalesce(sum(fp) filter (where status = 'in_force'), 0) end,
    max(height) filter (where status = 'in_force'),
    case when bool_and(gfa is not null) is not false then coalesce(sum(gfa), 0) end,
    case when bool_and(fp is not null) is not false then coalesce(sum(fp), 0) end,
    max(height)
  from rights
  group by parcel_id, use;
$$;

-- As in 0070, with the 'uses' part from match_index_land_uses().
create or replace function match_index_parcels(p_ids integer[], p_parts text[] default null)
returns void language plpgsql as $$
begin
  perform match_index_lock();
  if p_parts is null or 'site' = any (p_parts) then
    delete from match_land_site s using unnest(p_ids) x(id) where s.parcel_id = x.id;
    insert into match_land_site (parcel_id, ref, available, price, area_ref, area_hits)
    select l.id, l.ref, l.status = 'available', l.price_sek_per_m2::float8, l.area_ref,
           coalesce((select array_agg(a.ref order by a.ref) from areas a
                      where a.geom && l.geom and ST_Intersects(a.geom, l.geom)), '{}')
    from land_parcels l join unnest(p_ids) x(id) on l.id = x.id;
  end if;
  if p_parts is null or 'uses' = any (p_parts) then
    perform match_index_land_uses(p_ids);
  end if;
  if p_parts is null or 'stops' = any (p_parts) then
    perform match_index_stops('land', p_ids);
  end if;
end $$;

-- Nothing calls 0070's per-parcel overlay any more: match_index_land_uses() above replaces it.
drop function if exists match_overlay_uses(geometry);
drop function if exists match_overlay(geometry, text[]);
