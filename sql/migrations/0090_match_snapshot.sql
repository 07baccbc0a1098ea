-- What changed in the matching index since a given revision, so an API process can keep an
-- in-memory copy of it (api/src/matching/snapshot.ts) exact without reading it all again.
--
-- match_index_state.revision is bumped by every statement that writes an input of a match
-- (the index tables and the premises listing's own columns); the row lock it takes is held to
-- commit, so revisions become visible in the order they were given. match_index_change says
-- which sites each revision touched; a null site_id means "too many to list: read the kind
-- again". Old entries are pruned; a reader older than pruned_through reads everything again.

create table if not exists match_index_state (
  singleton boolean primary key default true check (singleton),
  revision bigint not null,
  pruned_through bigint not null
);
insert into match_index_state (singleton, revision, pruned_through) values (true, 1, 0)
on conflict (singleton) do nothing;

create table if not exists match_index_change (
  revision bigint not null,
  site_kind text not null check (site_kind in ('land', 'premises')),
  site_id integer
);
create index if not exists match_index_change_revision_idx on match_index_change (revision);

-- Above this many rows in one statement, a change is logged as "read the kind again": a load
-- of a million parcels writes one row here, not a million.
create or replace function match_index_change_limit() returns integer language sql immutable as $$ select 5000 $$;

-- One statement's changed sites as (kind, id) pairs: the stop rows name their kind, the other
-- tables are one kind each; distinct pairs (a parcel has a use row per use). Both images of an
-- update count (a row may move between sites).
create or replace function match_index_log() returns trigger language plpgsql as $$
declare
  rev bigint;
  sites text := case TG_TABLE_NAME
    when 'match_site_stop' then 'site_kind, site_id'
    when 'match_land_site' then '''land'', parcel_id'
    when 'match_land_use' then '''land'', parcel_id'
    when 'match_premises_site' then '''premises'', premises_id'
    else '''premises'', id' end;
  images text := case TG_OP
    when 'INSERT' then format('select distinct %s from new_rows', sites)
    when 'DELETE' then format('select distinct %s from old_rows', sites)
    else format('select %1$s from new_rows union select %1$s from old_rows', sites) end;
begin
  -- the same order as every index writer (advisory lock, then this row): no deadlock
  perform match_index_lock();
  update match_index_state set revision = revision + 1 returning revision into rev;
  -- a kind with more sites than the limit is logged as "read the kind again" (site_id null)
  execute format(
    'insert into match_index_change (revision, site_kind, site_id)
     select distinct $1, k, case when count(*) over (partition by k) > match_index_change_limit() then null else i end
     from (%s) x(k, i)', images)
  using rev;
  -- keep the last 1 000 revisions
  if rev % 100 = 0 then
    delete from match_index_change where revision <= rev - 1000;
    update match_index_state set pruned_through = greatest(pruned_through, rev - 1000);
  end if;
  return null;
end $$;

do $$
declare
  t text;
begin
  foreach t in array array['match_land_site', 'match_land_use', 'match_site_stop', 'match_premises_site', 'premises'] loop
    execute format('drop trigger if exists %I on %I', t || '_log_ins', t);
    execute format('drop trigger if exists %I on %I', t || '_log_upd', t);
    execute format('drop trigger if exists %I on %I', t || '_log_del', t);
    execute format('create trigger %I after insert on %I referencing new table as new_rows for each statement execute function match_index_log()', t || '_log_ins', t);
    execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows for each statement execute function match_index_log()', t || '_log_upd', t);
    execute format('create trigger %I after delete on %I referencing old table as old_rows for each statement execute function match_index_log()', t || '_log_del', t);
  end loop;
end $$;

-- match_uses decides which plan codes and premises kinds a use takes: everything again
create or replace function match_index_log_uses() returns trigger language plpgsql as $$
declare rev bigint;
begin
  perform match_index_lock();
  update match_index_state set revision = revision + 1 returning revision into rev;
  insert into match_index_change (revision, site_kind, site_id) values (rev, 'land', null), (rev, 'premises', null);
  return null;
end $$;
drop trigger if exists match_uses_log on match_uses;
create trigger match_uses_log after insert or update or delete or truncate on match_uses
  for each statement execute function match_index_log_uses();

-- The chosen land candidates as the match returns them (api/src/matching/repository.ts
-- Candidate), in one set-based query: per parcel id, whether its usable area is the ready
-- overlay's, the stop rule 3 found and its distance; the usable area, readiness, building right
-- and plans of that overlay, the stop's facts and the zoning explained. Both judges build their
-- results with it. p_full false leaves out the zoning and the geometry (a caller that only
-- counts and ranks).
create or replace function match_land_candidates(
  p_use text, p_areas text[], p_ids integer[], p_ready boolean[], p_stop_ids integer[], p_distances double precision[],
  p_full boolean
) returns setof json language sql stable as $$
  select json_build_object(
      'kind', 'land',
      'ref', l.ref,
      'areaRef', coalesce(si.area_ref, (select h from unnest(si.area_hits) h
                                         order by h = any (coalesce(p_areas, '{}')) desc, h limit 1)),
      'usableAreaM2', round((case when x.ready then u.ready_m2 else u.progress_m2 end)::numeric, 1),
      'readiness', case when x.ready then 'ready' else 'in_progress' end,
      'readyDate', case when x.ready then null else u.ready_date end,
      'planIds', case when x.ready then u.ready_plan_ids else u.progress_plan_ids end,
      'price', si.price,
      'transit', case when st.id is not null then json_build_object(
        'ref', st.ref, 'name', st.name, 'mode', st.mode, 'distanceM', round(x.distance::numeric, 1),
        'departuresPerHour', st.departures_per_hour,
        'planned', st.planned, 'openingYear', st.opening_year) end,
      'buildingRight', json_build_object(
        'grossFloorAreaM2', round((case when x.ready then u.ready_gfa_m2 else u.progress_gfa_m2 end)::numeric, 1),
        'buildingFootprintM2', round((case when x.ready then u.ready_footprint_m2 else u.progress_footprint_m2 end)::numeric, 1),
        'maxHeightM', case when x.ready then u.ready_height_m else u.progress_height_m end),
      'zoning', case when p_full then (
        select coalesce(json_agg(json_build_object(
                 'planId', p.plan_id, 'planName', p.name, 'status', p.status,
                 'legalForceDate', p.legal_force_date, 'expectedLegalForceDate', p.expected_legal_force_date,
                 'codes', zc.codes) order by p.status = 'in_force' desc, p.plan_id), '[]')
        from plans p
        cross join lateral (
          select json_agg(distinct jsonb_build_object('code', c, 'name', uc.name_sv)) as codes
          from plan_zones z
          cross join unnest(z.use_codes) c
          join use_codes uc on uc.code = left(c, 1)
          where z.plan_id = p.plan_id
            and left(c, 1) = any (mu.plan_codes)
            and z.geom && l.geom and ST_Area(ST_Intersection(z.geom, l.geom)) > 0
        ) zc
        where p.plan_id = any (case when x.ready then u.ready_plan_ids else u.progress_plan_ids end)
      ) end,
      'geometry', case when p_full then geom_to_geojson(l.geom, 4326) end)
  from unnest(p_ids, p_ready, p_stop_ids, p_distances) x(id, ready, stop_id, distance)
  join land_parcels l on l.id = x.id
  join match_land_site si on si.parcel_id = l.id
  join match_land_use u on u.use = p_use and u.parcel_id = l.id
  cross join (select plan_codes from match_uses where use = p_use) mu
  left join stops st on st.id = x.stop_id
$$;

-- The chosen premises candidates as the match returns them (see match_land_candidates).
create or replace function match_premises_candidates(
  p_areas text[], p_ids integer[], p_stop_ids integer[], p_distances double precision[], p_full boolean
) returns setof json language sql stable as $$
  select json_build_object(
      'kind', 'premises',
      'ref', p.ref,
      'title', p.title,
      -- the area the listing lies in; a requested one first when it lies in several
      'areaRef', (select h from unnest(ps.area_hits) h order by h = any (coalesce(p_areas, '{}')) desc, h limit 1),
      'usableAreaM2', round(p.floor_area_m2::float8::numeric, 1),
      'readiness', 'ready',
      'readyDate', p.available_from,
      'planIds', ps.plan_ids,
      'price', p.rent_sek_per_m2_year::float8,
      'transit', case when st.id is not null then json_build_object(
        'ref', st.ref, 'name', st.name, 'mode', st.mode, 'distanceM', round(x.distance::numeric, 1),
        'departuresPerHour', st.departures_per_hour,
        'planned', st.planned, 'openingYear', st.opening_year) end,
      'buildingRight', null,
      'geometry', case when p_full then geom_to_geojson(p.geom, 4326) end)
  from unnest(p_ids, p_stop_ids, p_distances) x(id, stop_id, distance)
  join premises p on p.id = x.id
  join match_premises_site ps on ps.premises_id = p.id
  left join stops st on st.id = x.stop_id
$$;

-- What api/src/matching/snapshot.ts reads, as text-friendly columns (dates as days since
-- 1970-01-01, arrays as JSON): the same views serve its full read (COPY) and its reads by id.
create or replace view match_snapshot_land_sites as
  select parcel_id, available, price, area_ref, array_to_json(area_hits)::text as area_hits
  from match_land_site;
create or replace view match_snapshot_land_uses as
  select use, parcel_id, ready_m2, progress_m2, ready_date - date '1970-01-01' as ready_day,
         ready_gfa_m2, ready_footprint_m2, progress_gfa_m2, progress_footprint_m2
  from match_land_use;
create or replace view match_snapshot_stops as
  select site_kind, site_id, mode, planned, stop_id, distance, opening_year
  from match_site_stop;
-- confirmed_day is the local date of confirmed_at: "confirmed_at < date" (the SQL judge's
-- staleness test) holds exactly when that date is earlier
create or replace view match_snapshot_premises as
  select p.id, p.status = 'available' as available, p.confirmed_at::date - date '1970-01-01' as confirmed_day,
         p.kind, p.floor_area_m2::float8 as floor_area, p.rent_sek_per_m2_year::float8 as price,
         p.available_from - date '1970-01-01' as available_day, array_to_json(ps.area_hits)::text as area_hits
  from premises p
  join match_premises_site ps on ps.premises_id = p.id;

-- $1 site kind, $2 ids: those sites' geometries (parcels or listings), for the in-memory judge's
-- stop lookups. An inlined set-returning function: each caller's plan keeps the key lookups.
create or replace function match_sites(p_kind text, p_ids integer[])
returns table (site_id integer, geom geometry) language sql stable as $$
  select g.id, g.geom from land_parcels g where p_kind = 'land' and g.id = any (p_ids)
  union all
  select g.id, g.geom from premises g where p_kind = 'premises' and g.id = any (p_ids)
$$;
