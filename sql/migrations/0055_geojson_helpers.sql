-- GeoJSON in and out of the stored CRS, written once. Every geometry is stored in SWEREF 99
-- TM (EPSG:3006); the API speaks GeoJSON in 4326 or 3006 (?crs=). Before this, the same
-- ST_Transform/ST_AsGeoJSON expressions were repeated in a dozen .sql files.
-- Both are plain immutable SQL expressions, so PostgreSQL inlines them: the plans and the
-- output are exactly those of the expressions they replace.

-- A stored geometry as GeoJSON in `srid`: 7 decimals for degrees (~1 cm), 3 for metres (1 mm).
create or replace function geom_to_geojson(geom geometry, srid integer) returns json
language sql immutable parallel safe as $$
  select ST_AsGeoJSON(ST_Transform(geom, srid), case when srid = 4326 then 7 else 3 end)::json
$$;

-- A GeoJSON geometry given in `srid`, as stored (3006). Null in, null out (PATCH without geometry).
create or replace function geom_from_geojson(geojson text, srid integer) returns geometry
language sql immutable parallel safe as $$
  select ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(geojson), srid), 3006)
$$;
