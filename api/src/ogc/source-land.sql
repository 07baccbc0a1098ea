-- The land collection: $-free row source. Columns named like the queryables (whitelisted in
-- collections.ts) plus ord (paging order, the primary key), fid, geom (3006), dt (temporal)
-- and the public properties exactly as GET /api/land writes them (reservedFor is staff-only;
-- a private owner's name is hidden by visible_owner_name, migration 0087 — also as a
-- queryable, so no filter can probe it).
select l.id as ord, l.ref as fid, l.geom, l.updated_at as dt,
  l.ref as "ref", l.owner_type as "ownerType", visible_owner_name(l.owner_type, l.owner_name) as "ownerName", l.status as "status",
  l.price_sek_per_m2 as "priceSekPerM2", l.area_ref as "areaRef", l.illustrative as "illustrative",
  l.updated_at as "updatedAt",
  json_build_object(
    'id', l.id,
    'ref', l.ref,
    'ownerType', l.owner_type,
    'ownerName', visible_owner_name(l.owner_type, l.owner_name),
    'status', l.status,
    'priceSekPerM2', l.price_sek_per_m2,
    'reservationKind', l.reservation_kind,
    'reservedUntil', l.reserved_until,
    'areaRef', l.area_ref,
    'areaM2', round(ST_Area(l.geom)::numeric, 1),
    'illustrative', l.illustrative,
    'source', l.source,
    'version', l.version,
    'updatedAt', l.updated_at
  ) as properties
from land_parcels l
