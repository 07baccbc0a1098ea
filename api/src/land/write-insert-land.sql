-- $1 ref, $2 owner type, $3 owner name, $4 status, $5 price, $6 area ref (null: derived from
-- the area the parcel overlaps most), $7 illustrative, $8 source, $9 GeoJSON geometry, $10 srid,
-- $11 reservation kind, $12 reserved until, $13 reserved for
with g as (
  select geom_from_geojson($9, $10::int) as geom
)
insert into land_parcels (ref, owner_type, owner_name, status, price_sek_per_m2, area_ref, area_ref_derived,
                          illustrative, source, geom, reservation_kind, reserved_until, reserved_for)
select $1, $2, $3, $4, $5, coalesce($6, best_area_ref(g.geom)), $6::text is null, $7, $8, g.geom, $11, $12, $13
from g
on conflict (ref) do nothing
returning id;
