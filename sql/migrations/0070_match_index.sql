-- The matching index (issue 11): what a match, readiness and unmet demand need per site,
-- precomputed and kept exact in the transaction of every write that changes an input, so a
-- match is an indexed filter plus a top-N sort instead of an overlay and a KNN per parcel.
--
--   match_land_site   one row per parcel: availability, area, price (the cheap columns)
--   match_land_use    one row per available parcel and use whose permitting zones touch it:
--                     rule 1 (match_overlay = use_overlay) and rule 6 (building rights)
--   match_premises_site  one row per premises: the areas it lies in, in-force plans holding it
--   match_site_stop   per site (available parcel or premises), mode and planned/existing:
--                     the nearest stop (rule 3 is the minimum over the requested modes)
--
-- Maintenance is set-based: statement-level triggers with transition tables hand the changed
-- rows to the match_index_* functions below, once per statement (a bulk load fires once).
-- Index writers are serialised by a transaction-level advisory lock, so two transactions
-- editing inputs of the same parcel cannot each recompute it without the other's change.

create table if not exists match_land_site (
  parcel_id integer primary key references land_parcels (id) on delete cascade,
  ref text not null,
  available boolean not null,
  price double precision,
  -- land_parcels.area_ref; when null, area_hits (every area the parcel intersects, by ref)
  -- decides outsideAreas and the areaRef shown, as rule 4 does
  area_ref text,
  area_hits text[] not null default '{}'
);
create index if not exists match_land_site_available_idx on match_land_site (parcel_id) where available;
-- an area edit finds the parcels that named it without a scan
create index if not exists match_land_site_area_hits_idx on match_land_site using gin (area_hits);

create table if not exists match_land_use (
  use text not null,
  parcel_id integer not null references land_parcels (id) on delete cascade,
  ready_m2 double precision not null,
  progress_m2 double precision not null,
  ready_date date,
  ready_plan_ids text[] not null,
  progress_plan_ids text[] not null,
  -- rule 6 over the ready (in-force) parts and over the in-progress overlay; null = unknown
  ready_gfa_m2 double precision,
  ready_footprint_m2 double precision,
  ready_height_m double precision,
  progress_gfa_m2 double precision,
  progress_footprint_m2 double precision,
  progress_height_m double precision,
  primary key (use, parcel_id)
);
create index if not exists match_land_use_parcel_idx on match_land_use (parcel_id);
create index if not exists match_land_use_plans_idx on match_land_use using gin (progress_plan_ids);

create table if not exists match_premises_site (
  premises_id integer primary key references premises (id) on delete cascade,
  area_hits text[] not null default '{}',
  -- plans whose in-force zones hold the listing (its point, or a point on its footprint)
  plan_ids text[] not null default '{}'
);
create index if not exists match_premises_site_plans_idx on match_premises_site using gin (plan_ids);
create index if not exists match_premises_site_area_hits_idx on match_premises_site using gin (area_hits);

create table if not exists match_site_stop (
  site_kind text not null check (site_kind in ('land', 'premises')),
  site_id integer not null,
  mode text not null,
  planned boolean not null,
  -- no foreign key: the stops trigger finds the sites of a deleted stop by this id
  stop_id integer not null,
  distance double precision not null,
  opening_year integer,
  primary key (site_kind, site_id, mode, planned)
);
create index if not exists match_site_stop_stop_idx on match_site_stop (stop_id);

-- Rule 1 exactly as use_overlay() (0052) computes it, plus rule 6 over the same parts:
-- gross floor area = Σ part area × percent / 100 where the zone states a percentage, else the
-- part's share of the zone × the zone's absolute figure; null when any part used has neither.
-- Height: the highest maxHeightM among the zones used (null when none states one).
create or replace function match_overlay(p_geom geometry, p_codes text[])
returns table (
  ready_m2 double precision,
  progress_m2 double precision,
  ready_date date,
  ready_plan_ids text[],
  progress_plan_ids text[],
  touched boolean,
  ready_gfa_m2 double precision,
  ready_footprint_m2 double precision,
  ready_height_m double precision,
  progress_gfa_m2 double precision,
  progress_footprint_m2 double precision,
  progress_height_m double precision
)
language sql stable parallel safe as $$
  with parts as (
    select p.plan_id, p.status, p.expected_legal_force_date,
           z.max_gross_floor_area_percent::float8 as gfa_pct, z.max_gross_floor_area_m2::float8 as gfa_abs,
           z.max_building_area_percent::float8 as fp_pct, z.max_building_area_m2::float8 as fp_abs,
           z.max_height_m::float8 as height, z.geom as zone_geom,
           ST_Intersection(z.geom, p_geom) as part
    from plan_zones z
    join plans p on p.plan_id = z.plan_id
    where z.geom && p_geom
      and ST_Intersects(z.geom, p_geom)
      and p.status in ('in_force', 'consultation', 'review', 'adopted', 'appealed', 'supervision')
      and exists (select 1 from unnest(z.use_codes) c where left(c, 1) = any (p_codes))
  ), used as (
    select *, ST_Area(part) as part_m2 from parts where ST_Area(part) > 0
  ), rights as (
    select *,
           case when gfa_pct is not null then part_m2 * gfa_pct / 100
                when gfa_abs is not null then part_m2 / ST_Area(zone_geom) * gfa_abs end as gfa,
           case when fp_pct is not null then part_m2 * fp_pct / 100
                when fp_abs is not null then part_m2 / ST_Area(zone_geom) * fp_abs end as fp
    from used
  )
  select
    coalesce(ST_Area(ST_Union(part) filter (where status = 'in_force')), 0),
    coalesce(ST_Area(ST_Union(part)), 0),
    case when bool_and(expected_legal_force_date is not null) filter (where status <> 'in_force')
         then max(expected_legal_force_date) filter (where status <> 'in_force') end,
    coalesce(array_agg(distinct plan_id) filter (where status = 'in_force'), '{}'),
    coalesce(array_agg(distinct plan_id), '{}'),
    count(*) > 0,
    case when bool_and(gfa is not null) filter (where status = 'in_force') is not false
         then coalesce(sum(gfa) filter (where status = 'in_force'), 0) end,
    case when bool_and(fp is not null) filter (where status = 'in_force') is not false
         then coalesce(sum(fp) filter (where status = 'in_force'), 0) end,
    max(height) filter (where status = 'in_force'),
    case when bool_and(gfa is not null) is not false then coalesce(sum(gfa), 0) end,
    case when bool_and(fp is not null) is not false then coalesce(sum(fp), 0) end,
    max(height)
  from rights
$$;

-- match_overlay() for every use of match_uses at once: each zone part is cut from the
-- parcel once, then grouped per use whose codes the zone permits (a J zone serves industry,
-- logistics and lab). One row per use that a permitting zone touches; the figures are
-- match_overlay()'s (and so use_overlay()'s).
create or replace function match_overlay_uses(p_geom geometry)
returns table (
  use text,
  ready_m2 double precision,
  progress_m2 double precision,
  ready_date date,
  ready_plan_ids text[],
  progress_plan_ids text[],
  ready_gfa_m2 double precision,
  ready_footprint_m2 double precision,
  ready_height_m double precision,
  progress_gfa_m2 double precision,
  progress_footprint_m2 double precision,
  progress_height_m double precision
)
language sql stable parallel safe as $$
  with parts as (
    select p.plan_id, p.status, p.expected_legal_force_date, z.use_codes,
           z.max_gross_floor_area_percent::float8 as gfa_pct, z.max_gross_floor_area_m2::float8 as gfa_abs,
           z.max_building_area_percent::float8 as fp_pct, z.max_building_area_m2::float8 as fp_abs,
           z.max_height_m::float8 as height, z.geom as zone_geom,
           ST_Intersection(z.geom, p_geom) as part
    from plan_zones z
    join plans p on p.plan_id = z.plan_id
    where z.geom && p_geom
      and ST_Intersects(z.geom, p_geom)
      and p.status in ('in_force', 'consultation', 'review', 'adopted', 'appealed', 'supervision')
  ), used as (
    select *, ST_Area(part) as part_m2 from parts where ST_Area(part) > 0
  ), rights as (
    select u.use, x.plan_id, x.status, x.expected_legal_force_date, x.height, x.part,
           case when x.gfa_pct is not null then x.part_m2 * x.gfa_pct / 100
                when x.gfa_abs is not null then x.part_m2 / ST_Area(x.zone_geom) * x.gfa_abs end as gfa,
           case when x.fp_pct is not null then x.part_m2 * x.fp_pct / 100
                when x.fp_abs is not null then x.part_m2 / ST_Area(x.zone_geom) * x.fp_abs end as fp
    from used x
    join match_uses u on exists (select 1 from unnest(x.use_codes) c where left(c, 1) = any (u.plan_codes))
  )
  select
    use,
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
  group by use
$$;

-- Rule 3 with the frequency filter (minDeparturesPerHour): the nearest stop of the modes that
-- has at least p_min_dph departures an hour (a stop without the figure does not count). The
-- index keeps no per-frequency nearest stop, so a match with the filter runs this KNN for the
-- sites still in the running. Null p_min_dph: exactly nearest_stop().
create or replace function nearest_stop_with(
  p_geom geometry, p_modes text[], p_include_planned boolean, p_needed_by date, p_min_dph double precision
)
returns table (id integer, distance double precision)
language sql stable parallel safe as $$
  select s.id, ST_Distance(s.geom, p_geom)
  from stops s
  where p_geom is not null
    and s.mode = any (p_modes)
    and (not s.planned or p_include_planned or s.opening_year <= extract(year from p_needed_by))
    and (p_min_dph is null or s.departures_per_hour >= p_min_dph)
  order by s.geom <-> p_geom
  limit 1
$$;

-- Serialises index writers until commit (see the header).
create or replace function match_index_lock() returns void language sql as $$
  select pg_advisory_xact_lock(7460171)
$$;

-- A loader may set `etablera.match_index_deferred = on` (set local) for a bulk merge and call
-- refresh_match_index_for() once at the end instead; the triggers then do nothing.
create or replace function match_index_deferred() returns boolean language sql stable as $$
  select coalesce(current_setting('etablera.match_index_deferred', true), '') = 'on'
$$;

-- One GiST index per mode and planned/existing: the nearest stop of a kind is found without
-- walking past the stops of other kinds (a rail search would pass every bus stop nearer).
create index if not exists stops_knn_commuter_rail_existing_idx on stops using gist (geom) where mode = 'commuter_rail' and not planned;
create index if not exists stops_knn_commuter_rail_planned_idx on stops using gist (geom) where mode = 'commuter_rail' and planned;
create index if not exists stops_knn_metro_existing_idx on stops using gist (geom) where mode = 'metro' and not planned;
create index if not exists stops_knn_metro_planned_idx on stops using gist (geom) where mode = 'metro' and planned;
create index if not exists stops_knn_tram_existing_idx on stops using gist (geom) where mode = 'tram' and not planned;
create index if not exists stops_knn_tram_planned_idx on stops using gist (geom) where mode = 'tram' and planned;
create index if not exists stops_knn_bus_existing_idx on stops using gist (geom) where mode = 'bus' and not planned;
create index if not exists stops_knn_bus_planned_idx on stops using gist (geom) where mode = 'bus' and planned;

-- Nearest stop per mode, existing and planned, for the given sites (available parcels or
-- every premises listing). p_modes null: all four modes. One KNN per kind, each with literal
-- conditions so the planner uses that kind's partial index.
create or replace function match_index_stops(p_kind text, p_ids integer[], p_modes text[] default null)
returns void language plpgsql as $$
begin
  delete from match_site_stop ms using unnest(p_ids) x(id)
   where ms.site_kind = p_kind and ms.site_id = x.id and (p_modes is null or ms.mode = any (p_modes));
  insert into match_site_stop (site_kind, site_id, mode, planned, stop_id, distance, opening_year)
  with sites as materialized (
    select l.id, l.geom from land_parcels l join unnest(p_ids) x(id) on l.id = x.id
     where p_kind = 'land' and l.status = 'available'
    union all
    select p.id, p.geom from premises p join unnest(p_ids) x(id) on p.id = x.id
     where p_kind = 'premises'
  )
  select p_kind, * from (
    select g.id, 'commuter_rail' as mode, false as planned, k.id as stop_id, k.distance, k.opening_year
    from sites g cross join lateral (
      select s.id, ST_Distance(s.geom, g.geom) as distance, s.opening_year from stops s
      where s.mode = 'commuter_rail' and not s.planned order by s.geom <-> g.geom limit 1) k
    where p_modes is null or 'commuter_rail' = any (p_modes)
    union all
    select g.id, 'commuter_rail' as mode, true as planned, k.id as stop_id, k.distance, k.opening_year
    from sites g cross join lateral (
      select s.id, ST_Distance(s.geom, g.geom) as distance, s.opening_year from stops s
      where s.mode = 'commuter_rail' and s.planned order by s.geom <-> g.geom limit 1) k
    where p_modes is null or 'commuter_rail' = any (p_modes)
    union all
    select g.id, 'metro' as mode, false as planned, k.id as stop_id, k.distance, k.opening_year
    from sites g cross join lateral (
      select s.id, ST_Distance(s.geom, g.geom) as distance, s.opening_year from stops s
      where s.mode = 'metro' and not s.planned order by s.geom <-> g.geom limit 1) k
    where p_modes is null or 'metro' = any (p_modes)
    union all
    select g.id, 'metro' as mode, true as planned, k.id as stop_id, k.distance, k.opening_year
    from sites g cross join lateral (
      select s.id, ST_Distance(s.geom, g.geom) as distance, s.opening_year from stops s
      where s.mode = 'metro' and s.planned order by s.geom <-> g.geom limit 1) k
    where p_modes is null or 'metro' = any (p_modes)
    union all
    select g.id, 'tram' as mode, false as planned, k.id as stop_id, k.distance, k.opening_year
    from sites g cross join lateral (
      select s.id, ST_Distance(s.geom, g.geom) as distance, s.opening_year from stops s
      where s.mode = 'tram' and not s.planned order by s.geom <-> g.geom limit 1) k
    where p_modes is null or 'tram' = any (p_modes)
    union all
    select g.id, 'tram' as mode, true as planned, k.id as stop_id, k.distance, k.opening_year
    from sites g cross join lateral (
      select s.id, ST_Distance(s.geom, g.geom) as distance, s.opening_year from stops s
      where s.mode = 'tram' and s.planned order by s.geom <-> g.geom limit 1) k
    where p_modes is null or 'tram' = any (p_modes)
    union all
    select g.id, 'bus' as mode, false as planned, k.id as stop_id, k.distance, k.opening_year
    from sites g cross join lateral (
      select s.id, ST_Distance(s.geom, g.geom) as distance, s.opening_year from stops s
      where s.mode = 'bus' and not s.planned order by s.geom <-> g.geom limit 1) k
    where p_modes is null or 'bus' = any (p_modes)
    union all
    select g.id, 'bus' as mode, true as planned, k.id as stop_id, k.distance, k.opening_year
    from sites g cross join lateral (
      select s.id, ST_Distance(s.geom, g.geom) as distance, s.opening_year from stops s
      where s.mode = 'bus' and s.planned order by s.geom <-> g.geom limit 1) k
    where p_modes is null or 'bus' = any (p_modes)
  ) k;
end $$;

-- Everything the index holds for the given parcels (deleted ids simply disappear).
-- p_parts: 'site', 'uses', 'stops' (null: all).
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
    delete from match_land_use u using unnest(p_ids) x(id) where u.parcel_id = x.id;
    insert into match_land_use (use, parcel_id, ready_m2, progress_m2, ready_date, ready_plan_ids, progress_plan_ids,
                                ready_gfa_m2, ready_footprint_m2, ready_height_m,
                                progress_gfa_m2, progress_footprint_m2, progress_height_m)
    select o.use, l.id, o.ready_m2, o.progress_m2, o.ready_date, o.ready_plan_ids, o.progress_plan_ids,
           o.ready_gfa_m2, o.ready_footprint_m2, o.ready_height_m,
           o.progress_gfa_m2, o.progress_footprint_m2, o.progress_height_m
    from land_parcels l
    join unnest(p_ids) x(id) on l.id = x.id
    cross join lateral match_overlay_uses(l.geom) o
    where l.status = 'available';
  end if;
  if p_parts is null or 'stops' = any (p_parts) then
    perform match_index_stops('land', p_ids);
  end if;
end $$;

create or replace function match_index_premises(p_ids integer[], p_parts text[] default null)
returns void language plpgsql as $$
begin
  perform match_index_lock();
  if p_parts is null or 'site' = any (p_parts) then
    delete from match_premises_site s using unnest(p_ids) x(id) where s.premises_id = x.id;
    insert into match_premises_site (premises_id, area_hits, plan_ids)
    select p.id,
           coalesce((select array_agg(a.ref order by a.ref) from areas a
                      where a.geom && p.geom and ST_Intersects(a.geom, p.geom)), '{}'),
           coalesce((select array_agg(distinct z.plan_id order by z.plan_id)
                       from plan_zones z
                       join plans pl on pl.plan_id = z.plan_id and pl.status = 'in_force'
                      where ST_Intersects(z.geom, ST_PointOnSurface(p.geom))), '{}')
    from premises p join unnest(p_ids) x(id) on p.id = x.id;
  end if;
  if p_parts is null or 'stops' = any (p_parts) then
    perform match_index_stops('premises', p_ids);
  end if;
end $$;

-- After zones or plans change: every parcel or listing the old or new zone geometries touch,
-- and every parcel whose index names one of the plans (covers zones moved away or deleted
-- when only their refs are known, as after a deferred load).
create or replace function match_index_after_zones(p_geoms geometry[], p_plan_ids text[])
returns void language plpgsql as $$
declare
  parcel_ids integer[];
  premises_ids integer[];
begin
  perform match_index_lock();
  select array_agg(distinct id) into parcel_ids from (
    select l.id from land_parcels l join unnest(p_geoms) g(geom) on l.geom && g.geom
     where l.status = 'available'
    union all
    select u.parcel_id from match_land_use u where u.progress_plan_ids && coalesce(p_plan_ids, '{}')
  ) x;
  select array_agg(distinct id) into premises_ids from (
    select p.id from premises p join unnest(p_geoms) g(geom) on p.geom && g.geom
    union all
    select s.premises_id from match_premises_site s where s.plan_ids && coalesce(p_plan_ids, '{}')
  ) x;
  if parcel_ids is not null then perform match_index_parcels(parcel_ids, array['uses']); end if;
  if premises_ids is not null then perform match_index_premises(premises_ids, array['site']); end if;
end $$;

-- After areas change: area_hits of the parcels and listings the old or new shapes touch, or
-- that name one of the refs.
create or replace function match_index_after_areas(p_geoms geometry[], p_refs text[])
returns void language plpgsql as $$
declare
  parcel_ids integer[];
  premises_ids integer[];
begin
  perform match_index_lock();
  select array_agg(distinct id) into parcel_ids from (
    select l.id from land_parcels l join unnest(p_geoms) g(geom) on l.geom && g.geom
    union all
    select s.parcel_id from match_land_site s where s.area_hits && coalesce(p_refs, '{}')
  ) x;
  select array_agg(distinct id) into premises_ids from (
    select p.id from premises p join unnest(p_geoms) g(geom) on p.geom && g.geom
    union all
    select s.premises_id from match_premises_site s where s.area_hits && coalesce(p_refs, '{}')
  ) x;
  if parcel_ids is not null then perform match_index_parcels(parcel_ids, array['site']); end if;
  if premises_ids is not null then perform match_index_premises(premises_ids, array['site']); end if;
end $$;

-- After stops change (p_old_ids: stops removed, moved or re-classified; p_new_ids: stops as
-- they are now): the sites that pointed at an old stop, and the sites a new stop is at least as
-- near to as their current nearest of its mode (or that had no stop of that mode and kind).
-- Many stops at once (a timetable import): every site, in one pass.
create or replace function match_index_after_stops(p_old_ids integer[], p_new_ids integer[])
returns void language plpgsql as $$
declare
  land_ids integer[];
  premises_ids integer[];
begin
  perform match_index_lock();
  if coalesce(cardinality(p_new_ids), 0) + coalesce(cardinality(p_old_ids), 0) > 200 then
    select array_agg(l.id) into land_ids from land_parcels l where l.status = 'available';
    select array_agg(p.id) into premises_ids from premises p;
  else
    with fresh as (
      select s.id, s.mode, s.planned, s.geom,
             not exists (select 1 from match_site_stop ms where ms.mode = s.mode and ms.planned = s.planned) as first_of_kind
      from stops s join unnest(coalesce(p_new_ids, '{}')) x(id) on s.id = x.id
    ), hit as (
      select ms.site_kind, ms.site_id from match_site_stop ms join unnest(coalesce(p_old_ids, '{}')) x(id) on ms.stop_id = x.id
      union
      select 'land', l.id from fresh f join match_site_stop ms on ms.site_kind = 'land' and ms.mode = f.mode and ms.planned = f.planned
        join land_parcels l on l.id = ms.site_id
       where not f.first_of_kind and ST_DWithin(l.geom, f.geom, ms.distance)
      union
      select 'premises', p.id from fresh f join match_site_stop ms on ms.site_kind = 'premises' and ms.mode = f.mode and ms.planned = f.planned
        join premises p on p.id = ms.site_id
       where not f.first_of_kind and ST_DWithin(p.geom, f.geom, ms.distance)
      union
      select 'land', l.id from fresh f join land_parcels l on f.first_of_kind and l.status = 'available'
      union
      select 'premises', p.id from fresh f join premises p on f.first_of_kind
    )
    select array_agg(site_id) filter (where site_kind = 'land'), array_agg(site_id) filter (where site_kind = 'premises')
      into land_ids, premises_ids from hit;
  end if;
  if land_ids is not null then perform match_index_stops('land', land_ids); end if;
  if premises_ids is not null then perform match_index_stops('premises', premises_ids); end if;
end $$;

-- The whole index from scratch (the migration, a changed use table, a repair).
create or replace function refresh_match_index_all() returns void language plpgsql as $$
declare ids integer[];
begin
  perform match_index_lock();
  select array_agg(id) into ids from land_parcels;
  if ids is not null then perform match_index_parcels(ids); end if;
  select array_agg(id) into ids from premises;
  if ids is not null then perform match_index_premises(ids); end if;
end $$;

-- The one call a bulk loader makes after its merge when it deferred the triggers
-- (`set local etablera.match_index_deferred = on`): refresh everything that depends on the
-- rows of `layer` (land, premises, plans = zone refs, areas, stops) named by `refs`.
-- Exact also for rows whose geometry changed: dependants are found by the new geometry and
-- by what the index itself records (plan ids, area refs, stop ids).
create or replace function refresh_match_index_for(p_layer text, p_refs text[])
returns void language plpgsql as $$
declare
  ids integer[];
  geoms geometry[];
  keys text[];
begin
  perform match_index_lock();
  if p_layer = 'land' then
    select array_agg(l.id) into ids from land_parcels l where l.ref = any (p_refs);
    -- parcels whose ref left the layer are gone from the index by the foreign key cascade
    if ids is not null then perform match_index_parcels(ids); end if;
  elsif p_layer = 'premises' then
    select array_agg(p.id) into ids from premises p where p.ref = any (p_refs);
    if ids is not null then perform match_index_premises(ids); end if;
  elsif p_layer = 'plans' then
    select array_agg(z.geom), array_agg(distinct z.plan_id) into geoms, keys from plan_zones z where z.ref = any (p_refs);
    perform match_index_after_zones(coalesce(geoms, '{}'), keys);
  elsif p_layer = 'areas' then
    select array_agg(a.geom) into geoms from areas a where a.ref = any (p_refs);
    perform match_index_after_areas(coalesce(geoms, '{}'), p_refs);
  elsif p_layer = 'stops' then
    select array_agg(s.id) into ids from stops s where s.ref = any (p_refs);
    -- a moved stop: the sites pointing at it are found by its id, the new ones by distance
    perform match_index_after_stops(ids, ids);
  elsif p_layer <> 'municipalities' then
    raise exception 'refresh_match_index_for: unknown layer %', p_layer;
  end if;
end $$;

-- Triggers: statement level, transition tables, once per statement.

create or replace function match_index_on_land() returns trigger language plpgsql as $$
declare ids integer[];
begin
  if match_index_deferred() then return null; end if;
  if TG_OP = 'INSERT' then
    select array_agg(n.id) into ids from new_rows n;
    if ids is not null then perform match_index_parcels(ids); end if;
  elsif TG_OP = 'UPDATE' then
    -- geometry or status: everything; the cheap columns: the site row only
    select array_agg(n.id) into ids from new_rows n join old_rows o on o.id = n.id
     where n.geom is distinct from o.geom or n.status is distinct from o.status;
    if ids is not null then perform match_index_parcels(ids); end if;
    select array_agg(n.id) into ids from new_rows n join old_rows o on o.id = n.id
     where n.geom is not distinct from o.geom and n.status is not distinct from o.status
       and (n.ref, n.area_ref, n.price_sek_per_m2) is distinct from (o.ref, o.area_ref, o.price_sek_per_m2);
    if ids is not null then perform match_index_parcels(ids, array['site']); end if;
  else
    -- site and use rows go with the parcel (foreign key); the stop rows have no key to it
    perform match_index_lock();
    delete from match_site_stop ms using old_rows o where ms.site_kind = 'land' and ms.site_id = o.id;
  end if;
  return null;
end $$;

create or replace function match_index_on_premises() returns trigger language plpgsql as $$
declare ids integer[];
begin
  if match_index_deferred() then return null; end if;
  if TG_OP = 'INSERT' then
    select array_agg(n.id) into ids from new_rows n;
  elsif TG_OP = 'UPDATE' then
    select array_agg(n.id) into ids from new_rows n join old_rows o on o.id = n.id where n.geom is distinct from o.geom;
  else
    perform match_index_lock();
    delete from match_site_stop ms using old_rows o where ms.site_kind = 'premises' and ms.site_id = o.id;
    return null;
  end if;
  if ids is not null then perform match_index_premises(ids); end if;
  return null;
end $$;

create or replace function match_index_on_zones() returns trigger language plpgsql as $$
declare
  geoms geometry[];
  keys text[];
begin
  if match_index_deferred() then return null; end if;
  if TG_OP = 'INSERT' then
    select array_agg(n.geom), array_agg(distinct n.plan_id) into geoms, keys from new_rows n;
  elsif TG_OP = 'DELETE' then
    select array_agg(o.geom), array_agg(distinct o.plan_id) into geoms, keys from old_rows o;
  else
    select array_agg(g), array_agg(distinct k) into geoms, keys from (
      select n.geom as g, n.plan_id as k from new_rows n join old_rows o on o.id = n.id
       where (n.geom, n.use_codes, n.plan_id, n.max_gross_floor_area_m2, n.max_gross_floor_area_percent,
              n.max_building_area_m2, n.max_building_area_percent, n.max_height_m)
             is distinct from
             (o.geom, o.use_codes, o.plan_id, o.max_gross_floor_area_m2, o.max_gross_floor_area_percent,
              o.max_building_area_m2, o.max_building_area_percent, o.max_height_m)
      union all
      select o.geom, o.plan_id from new_rows n join old_rows o on o.id = n.id
       where n.geom is distinct from o.geom or n.plan_id is distinct from o.plan_id
    ) x;
  end if;
  if geoms is not null then perform match_index_after_zones(geoms, keys); end if;
  return null;
end $$;

create or replace function match_index_on_plans() returns trigger language plpgsql as $$
declare
  geoms geometry[];
  keys text[];
begin
  if match_index_deferred() then return null; end if;
  if TG_OP = 'UPDATE' then
    select array_agg(distinct n.plan_id) into keys from new_rows n join old_rows o on o.id = n.id
     where (n.plan_id, n.status, n.expected_legal_force_date, n.legal_force_date)
           is distinct from (o.plan_id, o.status, o.expected_legal_force_date, o.legal_force_date);
  elsif TG_OP = 'DELETE' then
    select array_agg(distinct o.plan_id) into keys from old_rows o;
  end if;
  if keys is null then return null; end if;
  select array_agg(z.geom) into geoms from plan_zones z where z.plan_id = any (keys);
  perform match_index_after_zones(coalesce(geoms, '{}'), keys);
  return null;
end $$;

create or replace function match_index_on_areas() returns trigger language plpgsql as $$
declare
  geoms geometry[];
  keys text[];
begin
  if match_index_deferred() then return null; end if;
  if TG_OP = 'INSERT' then
    select array_agg(n.geom), array_agg(n.ref) into geoms, keys from new_rows n;
  elsif TG_OP = 'DELETE' then
    select array_agg(o.geom), array_agg(o.ref) into geoms, keys from old_rows o;
  else
    select array_agg(g), array_agg(k) into geoms, keys from (
      select n.geom as g, n.ref as k from new_rows n join old_rows o on o.id = n.id
       where n.geom is distinct from o.geom or n.ref is distinct from o.ref
      union all
      select o.geom, o.ref from new_rows n join old_rows o on o.id = n.id
       where n.geom is distinct from o.geom or n.ref is distinct from o.ref
    ) x;
  end if;
  if geoms is not null then perform match_index_after_areas(geoms, keys); end if;
  return null;
end $$;

create or replace function match_index_on_stops() returns trigger language plpgsql as $$
declare
  old_ids integer[];
  new_ids integer[];
begin
  if match_index_deferred() then return null; end if;
  if TG_OP = 'INSERT' then
    select array_agg(n.id) into new_ids from new_rows n;
  elsif TG_OP = 'DELETE' then
    select array_agg(o.id) into old_ids from old_rows o;
  else
    select array_agg(n.id) into new_ids from new_rows n join old_rows o on o.id = n.id
     where (n.geom, n.mode, n.planned, n.opening_year) is distinct from (o.geom, o.mode, o.planned, o.opening_year);
    old_ids := new_ids;
  end if;
  if old_ids is null and new_ids is null then return null; end if;
  perform match_index_after_stops(old_ids, new_ids);
  return null;
end $$;

create or replace function match_index_on_uses() returns trigger language plpgsql as $$
declare ids integer[];
begin
  if match_index_deferred() then return null; end if;
  select array_agg(id) into ids from land_parcels where status = 'available';
  if ids is not null then perform match_index_parcels(ids, array['uses']); end if;
  return null;
end $$;

do $$
declare
  t record;
begin
  for t in select * from (values
    ('land_parcels', 'match_index_on_land'), ('premises', 'match_index_on_premises'),
    ('plan_zones', 'match_index_on_zones'), ('plans', 'match_index_on_plans'),
    ('areas', 'match_index_on_areas'), ('stops', 'match_index_on_stops')) v(tbl, fn)
  loop
    execute format('drop trigger if exists %I on %I', t.tbl || '_match_index_ins', t.tbl);
    execute format('drop trigger if exists %I on %I', t.tbl || '_match_index_upd', t.tbl);
    execute format('drop trigger if exists %I on %I', t.tbl || '_match_index_del', t.tbl);
    execute format('create trigger %I after insert on %I referencing new table as new_rows for each statement execute function %I()',
                   t.tbl || '_match_index_ins', t.tbl, t.fn);
    execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows for each statement execute function %I()',
                   t.tbl || '_match_index_upd', t.tbl, t.fn);
    execute format('create trigger %I after delete on %I referencing old table as old_rows for each statement execute function %I()',
                   t.tbl || '_match_index_del', t.tbl, t.fn);
  end loop;
end $$;

drop trigger if exists match_uses_match_index on match_uses;
create trigger match_uses_match_index after insert or update or delete on match_uses
  for each statement execute function match_index_on_uses();

select refresh_match_index_all();
