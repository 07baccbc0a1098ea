-- $1 ref, $2 owner type, $3 owner name, $4 status, $5 price, $6 area ref (null: derived from
-- the area the parcel overlaps most), $7 illustrative, $8 source, $9 GeoJSON geometry, $10 srid.
with g as (
  select geom_from_geojson($9, $10::int) as geom
)
insert into land_parcels (ref, owner_type, owner_name, status, price_sek_per_m2, area_ref, area_ref_derived, illustrative, source, geom)
select $1, $2, $3, $4, $5, coalesce($6, best_area_ref(g.geom)), $6::text is null, $7, $8, g.geom
from g
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
returning (xmax = 0) as inserted;
