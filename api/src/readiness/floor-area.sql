-- Permitted gross floor area (byggrätt, BTA) of in-force zones permitting a use.
-- A zone spanning several areas counts in each pro rata to the share of its surface inside
-- the area (so the areas' figures add up to the zone's). The municipality (row with
-- "areaRef" null) counts each zone once, in full, when it lies in one of its areas or in
-- none. Zones only touching an area's edge are not in it. "grossFloorAreaM2" is null when
-- no zone states a figure; "zones"/"zonesStating" tell how complete the figure is.
-- $1 municipality code, $2 use or null.
with zones as (
  select z.id, z.geom, z.max_gross_floor_area_m2::float8 as gfa, u.use
  from plan_zones z
  join plans p on p.plan_id = z.plan_id and p.status = 'in_force'
  join match_uses u on exists (select 1 from unnest(z.use_codes) c where left(c, 1) = any (u.plan_codes))
  where ($2::text is null or u.use = $2)
), zone_areas as (
  -- one row per zone and area its interior meets; one row with ref null for a zone in no area
  select zn.id, zn.use, zn.gfa, a.ref, a.municipality_code,
         ST_Area(ST_Intersection(a.geom, zn.geom)) / ST_Area(zn.geom) as share
  from zones zn
  left join areas a on a.geom && zn.geom and ST_Relate(a.geom, zn.geom, 'T********')
)
select ref as "areaRef", use,
       sum(gfa * share) as "grossFloorAreaM2",
       count(*)::int as zones,
       count(gfa)::int as "zonesStating"
from zone_areas
where ref is not null
group by 1, 2
union all
select null, use, sum(gfa), count(*)::int, count(gfa)::int
from (select distinct id, use, gfa from zone_areas where ref is null or municipality_code = $1) z
group by 2;
