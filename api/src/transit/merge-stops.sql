-- $1 skip unchanged rows (no version bump). Merges a load's checked rows (load_rows) into
-- stops in one statement, like upsert-stop.sql row by row.
with merged as (
  insert into stops as s (ref, name, mode, planned, opening_year, source_id, municipality_code, illustrative, source, geom,
                          departures_per_hour)
  select r.ref, p.name, p.mode, p.planned, p."openingYear", p."sourceId", p."municipalityCode", p.illustrative, p.source,
         r.geom, p."departuresPerHour"
  from load_rows r
  cross join lateral jsonb_to_record(r.props) as p(name text, mode text, planned boolean, "openingYear" integer,
    "sourceId" text, "municipalityCode" text, illustrative boolean, source text, "departuresPerHour" numeric)
  order by r.idx
  on conflict (ref) do update set
    name = excluded.name,
    mode = excluded.mode,
    planned = excluded.planned,
    opening_year = excluded.opening_year,
    source_id = excluded.source_id,
    municipality_code = excluded.municipality_code,
    illustrative = excluded.illustrative,
    source = excluded.source,
    geom = excluded.geom,
    departures_per_hour = excluded.departures_per_hour
  where not $1 or (s.name, s.mode, s.planned, s.opening_year, s.source_id, s.municipality_code, s.illustrative, s.source, s.geom,
                   s.departures_per_hour)
    is distinct from (excluded.name, excluded.mode, excluded.planned, excluded.opening_year, excluded.source_id,
                      excluded.municipality_code, excluded.illustrative, excluded.source, excluded.geom, excluded.departures_per_hour)
  returning s.ref, (s.xmax = 0) as inserted
), touched as (
  insert into load_touched select ref, inserted from merged returning inserted
)
select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from touched;
