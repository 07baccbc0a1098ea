-- $1 skip unchanged rows (no version bump). Merges a load's checked rows (load_rows: ref,
-- props, defaulted, geom in 3006) into land_parcels in one statement, like upsert-land.sql
-- row by row. A property filled from a mapping's default keeps the stored value of an
-- existing parcel (staff may have made it available since the last load).
-- Each row written is recorded in load_touched with what the matching index must redo for
-- it, judged as the land trigger of sql/migrations/0070 judges an UPDATE: 'all' (new, or
-- geometry or status changed), 'site' (area_ref or price changed), 'none' (a re-load of the
-- same parcel: 100 000 unchanged parcels cost 10 s of overlay and nearest-stop searches).
with src as (
  select r.idx, r.ref,
         case when 'ownerType' = any (r.defaulted) and t.id is not null then t.owner_type else p."ownerType" end as owner_type,
         p."ownerName" as owner_name,
         case when 'status' = any (r.defaulted) and t.id is not null then t.status else p.status end as status,
         p."priceSekPerM2" as price, p."areaRef" as area_ref, p.illustrative, p.source, r.geom
  from load_rows r
  cross join lateral jsonb_to_record(r.props) as p("ownerType" text, "ownerName" text, status text,
    "priceSekPerM2" numeric, "areaRef" text, illustrative boolean, source text)
  left join land_parcels t on t.ref = r.ref
), old as (
  select t.ref, t.geom, t.status, t.area_ref, t.price_sek_per_m2 from land_parcels t join load_rows r on r.ref = t.ref
), merged as (
  insert into land_parcels as l (ref, owner_type, owner_name, status, price_sek_per_m2, area_ref, area_ref_derived, illustrative, source, geom)
  select ref, owner_type, owner_name, status, price, coalesce(area_ref, best_area_ref(geom)), area_ref is null, illustrative, source, geom
  from src order by idx
  on conflict (ref) do update set
    owner_type = excluded.owner_type,
    owner_name = excluded.owner_name,
    status = excluded.status,
    price_sek_per_m2 = excluded.price_sek_per_m2,
    area_ref = excluded.area_ref,
    area_ref_derived = excluded.area_ref_derived,
    illustrative = excluded.illustrative,
    source = excluded.source,
    geom = excluded.geom
  where not $1 or (l.owner_type, l.owner_name, l.status, l.price_sek_per_m2, l.area_ref, l.area_ref_derived, l.illustrative, l.source, l.geom)
    is distinct from (excluded.owner_type, excluded.owner_name, excluded.status, excluded.price_sek_per_m2, excluded.area_ref,
                      excluded.area_ref_derived, excluded.illustrative, excluded.source, excluded.geom)
  returning l.ref, (l.xmax = 0) as inserted, l.geom, l.status, l.area_ref, l.price_sek_per_m2
), touched as (
  insert into load_touched (ref, inserted, reindex)
  select m.ref, m.inserted,
         case when o.ref is null or m.geom is distinct from o.geom or m.status is distinct from o.status then 'all'
              when (m.area_ref, m.price_sek_per_m2) is distinct from (o.area_ref, o.price_sek_per_m2) then 'site'
              else 'none' end
  from merged m left join old o on o.ref = m.ref
  returning inserted
)
select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from touched;
