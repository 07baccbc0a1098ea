-- $1 skip unchanged rows (no version bump). Merges a load's checked rows (load_rows) into
-- premises in one statement, like upsert-premises.sql row by row (a load confirms a listing).
with merged as (
  insert into premises as t (ref, title, kind, floor_area_m2, rent_sek_per_m2_year, available_from, status, address, illustrative, source, geom)
  select r.ref, p.title, p.kind, p."floorAreaM2", p."rentSekPerM2Year", p."availableFrom", p.status, p.address, p.illustrative, p.source, r.geom
  from load_rows r
  cross join lateral jsonb_to_record(r.props) as p(title text, kind text, "floorAreaM2" numeric, "rentSekPerM2Year" numeric,
    "availableFrom" date, status text, address text, illustrative boolean, source text)
  order by r.idx
  on conflict (ref) do update set
    title = excluded.title,
    kind = excluded.kind,
    floor_area_m2 = excluded.floor_area_m2,
    rent_sek_per_m2_year = excluded.rent_sek_per_m2_year,
    available_from = excluded.available_from,
    status = excluded.status,
    address = excluded.address,
    illustrative = excluded.illustrative,
    source = excluded.source,
    geom = excluded.geom,
    confirmed_at = now()
  where not $1 or (t.title, t.kind, t.floor_area_m2, t.rent_sek_per_m2_year, t.available_from, t.status, t.address, t.illustrative, t.source, t.geom)
    is distinct from (excluded.title, excluded.kind, excluded.floor_area_m2, excluded.rent_sek_per_m2_year, excluded.available_from,
                      excluded.status, excluded.address, excluded.illustrative, excluded.source, excluded.geom)
  returning t.ref, (t.xmax = 0) as inserted
), touched as (
  insert into load_touched select ref, inserted from merged returning inserted
)
select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from touched;
