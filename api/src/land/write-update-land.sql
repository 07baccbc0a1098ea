-- $1 ref, $2 expected version, $3 owner type, $4 owner name, $5 status, $6 price, $7 area ref
-- (null: derived again from the geometry), $8 illustrative, $9 source, $10 GeoJSON geometry
-- (null: unchanged), $11 its srid, $12 reservation kind, $13 reserved until, $14 reserved for
with g as (
  select coalesce(geom_from_geojson($10::text, $11::int),
                  (select geom from land_parcels where ref = $1)) as geom
)
update land_parcels l set
  owner_type = $3, owner_name = $4, status = $5, price_sek_per_m2 = $6,
  area_ref = coalesce($7, best_area_ref(g.geom)), area_ref_derived = $7::text is null,
  illustrative = $8, source = $9, geom = g.geom,
  reservation_kind = $12, reserved_until = $13, reserved_for = $14
from g
where l.ref = $1 and l.version = $2
returning l.version;
