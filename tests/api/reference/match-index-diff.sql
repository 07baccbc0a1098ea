-- The matching index against what it must hold, computed from scratch with use_overlay()
-- and nearest_stop() (the rules' own functions): one row per difference, none when exact.
with want_site as (
  select l.id, l.ref, l.status = 'available' as available, l.price_sek_per_m2::float8 as price, l.area_ref,
         coalesce((select array_agg(a.ref order by a.ref) from areas a where ST_Intersects(a.geom, l.geom)), '{}') as area_hits
  from land_parcels l
), site_diff as (
  select 'land_site' as what, coalesce(w.ref, g.ref) as ref, null::text as detail
  from want_site w full join match_land_site g on g.parcel_id = w.id
  where (w.id, w.ref, w.available, w.price, w.area_ref, w.area_hits) is distinct from
        (g.parcel_id, g.ref, g.available, g.price, g.area_ref, g.area_hits)
), want_use as (
  select u.use, l.id, o.*
  from land_parcels l cross join match_uses u cross join lateral use_overlay(l.geom, u.plan_codes) o
  where l.status = 'available' and o.touched
), use_diff as (
  select 'land_use', coalesce(w.use, g.use) || ' ' || coalesce(w.id, g.parcel_id)::text,
         format('want %s/%s got %s/%s', w.ready_m2, w.progress_m2, g.ready_m2, g.progress_m2)
  from want_use w full join match_land_use g on g.use = w.use and g.parcel_id = w.id
  where w.id is null or g.parcel_id is null
     or abs(w.ready_m2 - g.ready_m2) > 1e-6 or abs(w.progress_m2 - g.progress_m2) > 1e-6
     or w.ready_date is distinct from g.ready_date
     or w.ready_plan_ids is distinct from g.ready_plan_ids
     or w.progress_plan_ids is distinct from g.progress_plan_ids
), sites as (
  select 'land' as kind, l.id, l.geom from land_parcels l where l.status = 'available'
  union all
  select 'premises', p.id, p.geom from premises p
), want_stop as (
  select s.kind, s.id, m.mode, pl.planned, k.distance, k.opening_year
  from sites s
  cross join (values ('commuter_rail'), ('metro'), ('tram'), ('bus')) m(mode)
  cross join (values (false), (true)) pl(planned)
  cross join lateral (
    select ST_Distance(st.geom, s.geom) as distance, st.opening_year from stops st
    where st.mode = m.mode and st.planned = pl.planned order by st.geom <-> s.geom limit 1
  ) k
), stop_diff as (
  select 'stop', w.kind || ' ' || coalesce(w.id, g.site_id)::text || ' ' || coalesce(w.mode, g.mode) || ' ' || coalesce(w.planned, g.planned)::text,
         format('want %s got %s', w.distance, g.distance)
  from want_stop w full join match_site_stop g
    on g.site_kind = w.kind and g.site_id = w.id and g.mode = w.mode and g.planned = w.planned
  where w.id is null or g.site_id is null or abs(w.distance - g.distance) > 1e-6
     -- equal distance: the stop itself may differ; the year then must be one of the tied stops'
     or (w.planned and w.opening_year is distinct from g.opening_year and not exists (
           select 1 from stops st where st.id = g.stop_id and st.opening_year is not distinct from w.opening_year))
), want_premises as (
  select p.id,
         coalesce((select array_agg(a.ref order by a.ref) from areas a where ST_Intersects(a.geom, p.geom)), '{}') as area_hits,
         coalesce((select array_agg(distinct z.plan_id order by z.plan_id) from plan_zones z
                   join plans pl on pl.plan_id = z.plan_id and pl.status = 'in_force'
                   where ST_Intersects(z.geom, ST_PointOnSurface(p.geom))), '{}') as plan_ids
  from premises p
), premises_diff as (
  select 'premises_site', coalesce(w.id, g.premises_id)::text, null
  from want_premises w full join match_premises_site g on g.premises_id = w.id
  where (w.id, w.area_hits, w.plan_ids) is distinct from (g.premises_id, g.area_hits, g.plan_ids)
)
select * from site_diff union all select * from use_diff union all select * from stop_diff
union all select * from premises_diff
order by 1, 2;
