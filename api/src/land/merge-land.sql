-- $1 skip unchanged rows (no version bump). Merges a load's checked rows (load_rows: ref,
-- props, defaulted, geom in 3006) into land_parcels in one statement, like upsert-land.sql
-- row by row. A property filled from a mapping's default keeps the stored value of an
-- existing parcel (staff may have made it available since the last load).
-- The parcels stored at the load's snapshot are updated (UPDATE … FROM), the others inserted
-- in file order: an INSERT … ON CONFLICT DO UPDATE took 2.4-2.7 s to update 100 000 parcels,
-- the UPDATE 1.6-1.8 s (no speculative insertion per row). Both fire their statement
-- triggers once, as the upsert did (the layer revision rises by 2). A parcel with the same ref
-- inserted by another transaction during the load makes the load fail (unique ref), not merge.
-- Each row written is recorded in load_touched with what the matching index must redo for
-- it, judged as the land trigger of sql/migrations/0070 judges an UPDATE: 'all' (new, or
-- geometry or status changed), 'site' (area_ref or price changed), 'none' (a re-load of the
-- same parcel: 100 000 unchanged parcels cost 10 s of overlay and nearest-stop searches).
with src as (
  select r.idx, r.ref, t.id,
         case when 'ownerType' = any (r.defaulted) and t.id is not null then t.owner_type else p."ownerType" end as owner_type,
         p."ownerName" as owner_name,
         case when 'status' = any (r.defaulted) and t.id is not null then t.status else p.status end as status,
         p."priceSekPerM2" as price, coalesce(p."areaRef", best_area_ref(r.geom)) as area_ref, p."areaRef" is null as area_ref_derived,
         p.illustrative, p.source, r.geom,
         t.geom as old_geom, t.status as old_status, t.area_ref as old_area_ref, t.price_sek_per_m2 as old_price
  from load_rows r
  cross join lateral jsonb_to_record(r.props) as p("ownerType" text, "ownerName" text, status text,
    "priceSekPerM2" numeric, "areaRef" text, illustrative boolean, source text)
  left join land_parcels t on t.ref = r.ref
), updated as (
  update land_parcels l set
    owner_type = s.owner_type,
    owner_name = s.owner_name,
    status = s.status,
    price_sek_per_m2 = s.price,
    area_ref = s.area_ref,
    area_ref_derived = s.area_ref_derived,
    illustrative = s.illustrative,
    source = s.source,
    geom = s.geom
  from src s
  where l.id = s.id
    and (not $1 or (l.owner_type, l.owner_name, l.status, l.price_sek_per_m2, l.area_ref, l.area_ref_derived, l.illustrative, l.source, l.geom)
      is distinct from (s.owner_type, s.owner_name, s.status, s.price, s.area_ref, s.area_ref_derived, s.illustrative, s.source, s.geom))
  returning l.ref, false as inserted, l.geom, l.status, l.area_ref, l.price_sek_per_m2
), inserted as (
  insert into land_parcels (ref, owner_type, owner_name, status, price_sek_per_m2, area_ref, area_ref_derived, illustrative, source, geom)
  select ref, owner_type, owner_name, status, price, area_ref, area_ref_derived, illustrative, source, geom
  from src where id is null order by idx
  returning ref, true as inserted, geom, status, area_ref, price_sek_per_m2
), touched as (
  insert into load_touched (ref, inserted, reindex)
  select m.ref, m.inserted,
         case when m.inserted or m.geom is distinct from s.old_geom or m.status is distinct from s.old_status then 'all'
              when (m.area_ref, m.price_sek_per_m2) is distinct from (s.old_area_ref, s.old_price) then 'site'
              else 'none' end
  from (select * from updated union all select * from inserted) m join src s on s.ref = m.ref
  returning inserted
)
select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from touched;
