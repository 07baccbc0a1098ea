-- $1 skip unchanged rows (no version bump). Merges a load's checked rows (load_rows) into
-- areas in one statement, like upsert-area.sql row by row.
with merged as (
  insert into areas as a (ref, name, municipality_code, profile, facts, illustrative, source, geom)
  select r.ref, p.name, p."municipalityCode", p.profile, p.facts, p.illustrative, p.source, r.geom
  from load_rows r
  cross join lateral jsonb_to_record(r.props) as p(name text, "municipalityCode" text, profile text, facts jsonb,
    illustrative boolean, source text)
  order by r.idx
  on conflict (ref) do update set
    name = excluded.name,
    municipality_code = excluded.municipality_code,
    profile = excluded.profile,
    facts = excluded.facts,
    illustrative = excluded.illustrative,
    source = excluded.source,
    geom = excluded.geom
  where not $1 or (a.name, a.municipality_code, a.profile, a.facts, a.illustrative, a.source, a.geom)
    is distinct from (excluded.name, excluded.municipality_code, excluded.profile, excluded.facts, excluded.illustrative,
                      excluded.source, excluded.geom)
  returning a.ref, (a.xmax = 0) as inserted
), touched as (
  insert into load_touched select ref, inserted from merged returning inserted
)
select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from touched;
