-- Every detailed plan with its dates, where it lies and what it permits, flagged when its
-- implementation period (genomförandetid) ends within $2 years from today or when it has
-- stayed in one open status (not in force, not cancelled) more than $3 days.
-- $1 area ref or null (plans with a zone inside that area), $4 today (the Stockholm date, clock/today.ts).
select p.plan_id as "planId", p.name, p.status,
       p.legal_force_date as "legalForceDate",
       p.expected_legal_force_date as "expectedLegalForceDate",
       p.implementation_end_date as "implementationEndDate",
       p.status_changed_at as "statusChangedAt",
       ($4::date - p.status_changed_at) as "daysInStatus",
       (p.status = 'in_force' and p.implementation_end_date >= $4::date
         and p.implementation_end_date <= ($4::date + make_interval(years => $2::int))::date) as "implementationEndsSoon",
       (p.status not in ('in_force', 'cancelled') and p.status_changed_at is not null
         and $4::date - p.status_changed_at > $3::int) as stuck,
       coalesce((select array_agg(distinct c order by c) from plan_zones z, unnest(z.use_codes) c
                 where z.plan_id = p.plan_id), '{}') as "useCodes",
       coalesce((select array_agg(distinct a.ref order by a.ref) from plan_zones z
                 join areas a on a.geom && z.geom and ST_Relate(a.geom, z.geom, 'T********')
                 where z.plan_id = p.plan_id), '{}') as "areaRefs",
       (select round((sum(ST_Area(z.geom)) / 10000)::numeric, 4) from plan_zones z where z.plan_id = p.plan_id) as "zoneHa",
       (select sum(z.max_gross_floor_area_m2) from plan_zones z where z.plan_id = p.plan_id) as "grossFloorAreaM2",
       p.illustrative
from plans p
where $1::text is null
   or exists (select 1 from plan_zones z join areas a on a.ref = $1
              where a.geom && z.geom and ST_Relate(a.geom, z.geom, 'T********') and z.plan_id = p.plan_id)
order by array_position(array['programme', 'started', 'consultation', 'review', 'adopted', 'appealed', 'supervision', 'in_force', 'cancelled', 'discontinued'], p.status),
         coalesce(p.legal_force_date, p.expected_legal_force_date), p.plan_id;
