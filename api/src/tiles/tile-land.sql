-- $1 z, $2 x, $3 y. One MVT layer 'land': parcels with status, owner type and price.
with t as materialized (select ST_TileEnvelope($1, $2, $3) as env, tile_envelope_3006($1, $2, $3) as search)
select ST_AsMVT(f, 'land', 4096, 'geom', 'id') as tile
from (
  select l.id,
         l.ref,
         l.owner_type as "ownerType",
         visible_owner_name(l.owner_type, l.owner_name) as "ownerName", -- tiles are public: no private names
         l.status,
         l.price_sek_per_m2::float8 as "priceSekPerM2",
         l.area_ref as "areaRef",
         round(ST_Area(l.geom))::float8 as "areaM2",
         l.illustrative,
         ST_AsMVTGeom(ST_Transform(l.geom, 3857), t.env, 4096, 64, true) as geom
  from t
  join land_parcels l on l.geom && t.search and ST_Intersects(l.geom, t.search)
) f
where f.geom is not null;
