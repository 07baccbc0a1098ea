-- The national plan status codelist (NIS Detaljplan: påbörjad, samråd, granskning, antagen,
-- överklagad, tillsyn, laga kraft, upphävd, avslutad) beside Etablera's own `programme`;
-- the zones' building rights (absolute or as % of the property area inside the zone); and
-- the stops' weekday morning-peak departures per hour from the GTFS import.

alter table plans drop constraint if exists plans_status_check;
alter table plans add constraint plans_status_check check (status in (
  'programme', 'started', 'consultation', 'review', 'adopted', 'appealed', 'supervision',
  'in_force', 'cancelled', 'discontinued'));

alter table plan_zones add column if not exists max_gross_floor_area_percent numeric
  check (max_gross_floor_area_percent > 0);
alter table plan_zones add column if not exists max_building_area_m2 numeric
  check (max_building_area_m2 > 0);
alter table plan_zones add column if not exists max_building_area_percent numeric
  check (max_building_area_percent > 0 and max_building_area_percent <= 100);

alter table stops add column if not exists departures_per_hour numeric
  check (departures_per_hour >= 0);

-- Rule 1 of matching: appealed (överklagad) and supervision (tillsyn) plans are adopted but
-- not in force, so they count as in progress like consultation, review and adopted.
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
      and p.status in ('in_force', 'consultation', 'review', 'adopted', 'appealed', 'supervision')
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
