-- $1 z, $2 x, $3 y. One MVT layer 'land': parcels with status, owner type and price.
--
-- From z13 up (where a parcel is tens of screen pixels) every parcel is drawn exactly, with
-- every property: this is the tile the contracts test. Below z13 (the county overview, where
-- a parcel is 1-10 pixels) the tile is generalised, because a tile of every parcel with every
-- property is several hundred kB per tile at regional scale while the map can show no more
-- than the status colour of each patch of land:
--   * a parcel smaller than one pixel of the tile rendered at 512 px is left out (it cannot
--     be seen, only slow the map down); it appears from the zoom where it covers a pixel;
--   * outlines are simplified by one tile unit (1/4096 of the tile: 1/8 of that pixel),
--     in SWEREF 99 TM before the transform, so fewer vertices are transformed and encoded
--     and the result is indistinguishable on screen;
--   * only what the overview styles and hovers need: status (fill), owner type (outline),
--     illustrative (the banner; only when true: absent reads as false), and from z11 the
--     id and the property designation (hover); at z10 and below a parcel is 1-5 pixels,
--     not something one points at. Owner name, price, area and business area are read when
--     zoomed in (z13+), where a click on a parcel is a real choice.
-- Measured on the densest z10 tile of the 100 000-parcel region (10/560/304, 15 600 parcels):
-- 1 077 kB before, 406 kB generalised; the tile of the bench's first area: 449 kB → 164 kB.
-- The tile window and the pixel size are computed once per tile (the materialized CTE),
-- and ST_AsMVTGeom runs once per parcel.
with t as materialized (
  select ST_TileEnvelope($1, $2, $3) as env,
         tile_envelope_3006($1, $2, $3) as search,
         $1 < 13 as generalised,
         -- one 512-px pixel in true metres at the tile's centre latitude (mercator scale = 1/cos φ)
         (40075016.686 / 2 ^ $1 / 512) * cos(atan(sinh(pi() * (1 - 2 * ($3 + 0.5) / 2 ^ $1)))) as px_m
)
select ST_AsMVT(f, 'land', 4096, 'geom', 'id') as tile
from (
  select case when not t.generalised or $1 >= 11 then l.id end as id,
         case when not t.generalised or $1 >= 11 then l.ref end as ref,
         l.owner_type as "ownerType",
         -- tiles are public: no private names
         case when not t.generalised then visible_owner_name(l.owner_type, l.owner_name) end as "ownerName",
         l.status,
         case when not t.generalised then l.price_sek_per_m2::float8 end as "priceSekPerM2",
         case when not t.generalised then l.area_ref end as "areaRef",
         case when not t.generalised then round(ST_Area(l.geom))::float8 end as "areaM2",
         case when t.generalised then nullif(l.illustrative, false) else l.illustrative end as illustrative,
         ST_AsMVTGeom(ST_Transform(case when t.generalised then ST_Simplify(l.geom, t.px_m / 8) else l.geom end, 3857),
                      t.env, 4096, 64, true) as geom
  from t
  join land_parcels l on l.geom && t.search and ST_Intersects(l.geom, t.search)
  where not t.generalised or ST_Area(l.geom) >= t.px_m * t.px_m
) f
where f.geom is not null;
