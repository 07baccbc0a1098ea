-- $1 z, $2 x, $3 y. One MVT layer 'areas': the business areas.
with t as materialized (select ST_TileEnvelope($1, $2, $3) as env, tile_envelope_3006($1, $2, $3) as search)
select ST_AsMVT(f, 'areas', 4096, 'geom', 'id') as tile
from (
  select a.id,
         a.ref,
         a.name,
         a.profile,
         round((ST_Area(a.geom) / 10000)::numeric, 2)::float8 as "areaHa",
         a.illustrative,
         ST_AsMVTGeom(ST_Transform(a.geom, 3857), t.env, 4096, 64, true) as geom
  from t
  join areas a on a.geom && t.search and ST_Intersects(a.geom, t.search)
) f
where f.geom is not null;
