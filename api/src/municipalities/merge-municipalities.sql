-- $1 skip unchanged rows (no version bump). Merges a load's checked rows (load_rows) into
-- municipalities in one statement, like upsert-municipality.sql row by row.
with merged as (
  insert into municipalities as m (ref, name, neighbours, relation, source, geom)
  select r.ref, p.name, p.neighbours, p.relation, p.source, r.geom
  from load_rows r
  cross join lateral jsonb_to_record(r.props) as p(name text, neighbours text[], relation text, source text)
  order by r.idx
  on conflict (ref) do update set
    name = excluded.name,
    neighbours = excluded.neighbours,
    relation = excluded.relation,
    source = excluded.source,
    geom = excluded.geom
  where not $1 or (m.name, m.neighbours, m.relation, m.source, m.geom)
    is distinct from (excluded.name, excluded.neighbours, excluded.relation, excluded.source, excluded.geom)
  returning m.ref, (m.xmax = 0) as inserted
), touched as (
  insert into load_touched select ref, inserted from merged returning inserted
)
select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from touched;
