-- Rules 1, 3 and 4 of matching for land parcels, set-based, in EPSG:3006.
-- $1 use, $2 minAreaM2, $3 maxAreaM2 (null: none), $4 area refs (null: anywhere),
-- $5 neededBy (null: none), $6 station modes, $7 includePlanned, $8 maxDistanceToStationM (null: none)
-- One row: `excluded` {reason: count} and `results` [candidate], each candidate judged once,
-- under the first reason that applies (docs/design.md order). Each stage runs its spatial work
-- only for the parcels still in the running (the lateral joins are gated on `reason is null`).
with codes as (
  select plan_codes from match_uses where use = $1::text
), base as (
  select l.id, l.ref, l.price_sek_per_m2, l.geom, codes.plan_codes,
         coalesce(l.area_ref, ia.ref) as area_ref,
         case
           when l.status <> 'available' then 'notAvailable'
           when $4::text[] is not null
                and not coalesce(case when l.area_ref is not null then l.area_ref = any ($4::text[]) else ia.requested end, false)
             then 'outsideAreas'
         end as reason
  from land_parcels l
  cross join codes
  -- Parcels without area_ref (outside every area when loaded): the area they intersect now.
  left join lateral (
    select a.ref, a.ref = any (coalesce($4::text[], '{}')) as requested
    from areas a
    where l.area_ref is null and a.geom && l.geom and ST_Intersects(a.geom, l.geom)
    order by a.ref = any (coalesce($4::text[], '{}')) desc, a.ref
    limit 1
  ) ia on true
), fit as (
  select b.*, o.ready_m2, o.progress_m2, o.ready_date, o.ready_plan_ids, o.progress_plan_ids,
         o.ready_m2 >= $2::float8 as is_ready,
         case
           when b.reason is not null then b.reason
           when not o.touched then 'wrongUse'
           when o.ready_m2 >= $2::float8 then
             case when $3::float8 is not null and o.ready_m2 > $3::float8 then 'tooLarge' end
           when o.progress_m2 < $2::float8 then 'tooSmall'
           when $3::float8 is not null and o.progress_m2 > $3::float8 then 'tooLarge'
           when $5::date is not null and (o.ready_date is null or o.ready_date > $5::date) then 'notReadyInTime'
         end as reason2
  from base b
  -- A null geometry makes the overlay touch no zone: parcels already out cost nothing.
  left join lateral use_overlay(case when b.reason is null then b.geom end, b.plan_codes) o on true
), judged as (
  select f.*, st.ref as stop_ref, st.name as stop_name, st.mode as stop_mode, st.planned as stop_planned,
         st.opening_year as stop_opening_year, st.distance,
         coalesce(
           f.reason2,
           case when $8::float8 is not null and (st.distance is null or st.distance > $8::float8) then 'tooFarFromTransit' end
         ) as why
  from fit f
  -- Nearest qualifying stop (rule 3), only for parcels still in the running.
  left join lateral nearest_stop(case when f.reason2 is null then f.geom end, $6::text[], $7::boolean, $5::date) st on true
)
select
  (select coalesce(json_object_agg(why, n), '{}')
     from (select why, count(*)::int as n from judged where why is not null group by why) x) as excluded,
  (select coalesce(json_agg(json_build_object(
      'kind', 'land',
      'ref', j.ref,
      'areaRef', j.area_ref,
      'usableAreaM2', round((case when j.is_ready then j.ready_m2 else j.progress_m2 end)::numeric, 1),
      'readiness', case when j.is_ready then 'ready' else 'in_progress' end,
      'readyDate', case when j.is_ready then null else j.ready_date end,
      'planIds', case when j.is_ready then j.ready_plan_ids else j.progress_plan_ids end,
      'price', j.price_sek_per_m2,
      'transit', case when j.stop_ref is not null then json_build_object(
        'ref', j.stop_ref, 'name', j.stop_name, 'mode', j.stop_mode, 'distanceM', round(j.distance::numeric, 1),
        'planned', j.stop_planned, 'openingYear', j.stop_opening_year) end,
      'zoning', (
        select coalesce(json_agg(json_build_object(
                 'planId', p.plan_id, 'planName', p.name, 'status', p.status,
                 'legalForceDate', p.legal_force_date, 'expectedLegalForceDate', p.expected_legal_force_date,
                 'codes', zc.codes) order by p.status = 'in_force' desc, p.plan_id), '[]')
        from plans p
        cross join lateral (
          select json_agg(distinct jsonb_build_object('code', c, 'name', u.name_sv)) as codes
          from plan_zones z
          cross join unnest(z.use_codes) c
          join use_codes u on u.code = left(c, 1)
          where z.plan_id = p.plan_id
            and left(c, 1) = any (j.plan_codes)
            and z.geom && j.geom and ST_Area(ST_Intersection(z.geom, j.geom)) > 0
        ) zc
        where p.plan_id = any (case when j.is_ready then j.ready_plan_ids else j.progress_plan_ids end)
      ),
      'geometry', geom_to_geojson(j.geom, 4326)
    ) order by j.ref), '[]')
   from judged j where j.why is null) as results;
