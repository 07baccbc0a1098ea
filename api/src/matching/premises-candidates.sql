-- Rules 2, 3 and 4 of matching for premises listings, set-based, in EPSG:3006.
-- $1 use, $2 minAreaM2, $3 maxAreaM2 (null: none), $4 area refs (null: anywhere),
-- $5 neededBy (null: none), $6 station modes, $7 includePlanned, $8 maxDistanceToStationM (null: none),
-- $9 today, $10 days after which an unconfirmed listing is stale (notAvailable).
-- One row: `excluded` {reason: count} and `results` [candidate] (see land-candidates.sql).
with base as (
  select p.id, p.ref, p.title, p.floor_area_m2, p.rent_sek_per_m2_year, p.available_from, p.geom,
         ar.ref as area_ref,
         case
           when p.status <> 'available' or p.confirmed_at < ($9::date - $10::int) then 'notAvailable'
           when $4::text[] is not null and not coalesce(ar.requested, false) then 'outsideAreas'
           when not p.kind = any (mu.premises_kinds) then 'wrongUse'
           when p.floor_area_m2 < $2::float8 then 'tooSmall'
           when $3::float8 is not null and p.floor_area_m2 > $3::float8 then 'tooLarge'
           when $5::date is not null and p.available_from > $5::date then 'notReadyInTime'
         end as reason
  from premises p
  cross join (select premises_kinds from match_uses where use = $1::text) mu
  -- The area the listing lies in; a requested one first when it lies in several.
  left join lateral (
    select a.ref, a.ref = any (coalesce($4::text[], '{}')) as requested
    from areas a
    where a.geom && p.geom and ST_Intersects(a.geom, p.geom)
    order by a.ref = any (coalesce($4::text[], '{}')) desc, a.ref
    limit 1
  ) ar on true
), judged as (
  select b.*, st.ref as stop_ref, st.name as stop_name, st.mode as stop_mode, st.planned as stop_planned,
         st.opening_year as stop_opening_year, st.distance,
         coalesce(
           b.reason,
           case when $8::float8 is not null and (st.distance is null or st.distance > $8::float8) then 'tooFarFromTransit' end
         ) as why
  from base b
  left join lateral nearest_stop(case when b.reason is null then b.geom end, $6::text[], $7::boolean, $5::date) st on true
)
select
  (select coalesce(json_object_agg(why, n), '{}')
     from (select why, count(*)::int as n from judged where why is not null group by why) x) as excluded,
  (select coalesce(json_agg(json_build_object(
      'kind', 'premises',
      'ref', j.ref,
      'title', j.title,
      'areaRef', j.area_ref,
      'usableAreaM2', round(j.floor_area_m2::numeric, 1),
      'readiness', 'ready',
      'readyDate', j.available_from,
      -- plans whose in-force zones hold the listing (its point, or a point on its footprint)
      'planIds', (
        select coalesce(array_agg(distinct z.plan_id order by z.plan_id), '{}')
        from plan_zones z
        join plans pl on pl.plan_id = z.plan_id and pl.status = 'in_force'
        where ST_Intersects(z.geom, ST_PointOnSurface(j.geom))
      ),
      'price', j.rent_sek_per_m2_year,
      'transit', case when j.stop_ref is not null then json_build_object(
        'ref', j.stop_ref, 'name', j.stop_name, 'mode', j.stop_mode, 'distanceM', round(j.distance::numeric, 1),
        'planned', j.stop_planned, 'openingYear', j.stop_opening_year) end,
      'geometry', geom_to_geojson(j.geom, 4326)
    ) order by j.ref), '[]')
   from judged j where j.why is null) as results;
