-- Rule 1 of matching (docs/design.md), shared by matching and readiness so both always agree:
-- the part of a parcel that zones permitting a use cover, split by plan readiness.
--   ready_m2      area covered by permitting zones of plans in force
--   progress_m2   area covered by permitting zones of plans in force, consultation, review
--                 or adopted (the in_progress overlay; includes ready_m2)
--   ready_date    latest expected_legal_force_date of the not-yet-in-force plans used;
--                 null when none is used or any of them has no expected date
--   touched       some permitting zone of those plans overlaps the parcel (else wrongUse)
-- Programme and cancelled plans permit nothing. Zones that only share an edge with the
-- parcel add no area and are not "used".
create or replace function use_overlay(p_geom geometry, p_codes text[])
returns table (
  ready_m2 double precision,
  progress_m2 double precision,
  ready_date date,
  ready_plan_ids text[],
  progress_plan_ids text[],
  touched boolean
)
language sql stable parallel safe as $$
  with parts as (
    select p.plan_id, p.status, p.expected_legal_force_date,
           ST_Intersection(z.geom, p_geom) as part
    from plan_zones z
    join plans p on p.plan_id = z.plan_id
    where z.geom && p_geom
      and ST_Intersects(z.geom, p_geom)
      and p.status in ('in_force', 'consultation', 'review', 'adopted')
      and exists (select 1 from unnest(z.use_codes) c where left(c, 1) = any (p_codes))
  ), used as (
    select * from parts where ST_Area(part) > 0
  )
  select
    coalesce(ST_Area(ST_Union(part) filter (where status = 'in_force')), 0),
    coalesce(ST_Area(ST_Union(part)), 0),
    case when bool_and(expected_legal_force_date is not null) filter (where status <> 'in_force')
         then max(expected_legal_force_date) filter (where status <> 'in_force') end,
    coalesce(array_agg(distinct plan_id) filter (where status = 'in_force'), '{}'),
    coalesce(array_agg(distinct plan_id), '{}'),
    count(*) > 0
  from used
$$;
