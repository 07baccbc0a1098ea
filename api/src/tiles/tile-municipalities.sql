-- $1 z, $2 x, $3 y. One MVT layer 'municipalities': Huddinge (relation 'focus') and its
-- neighbours, the offline basemap.
with t as materialized (select ST_TileEnvelope($1, $2, $3) as env, tile_envelope_3006($1, $2, $3) as search)
select ST_AsMVT(f, 'municipalities', 4096, 'geom', 'id') as tile
from (
  select m.id,
         m.ref,
         m.name,
         m.relation,
         ST_AsMVTGeom(ST_Transform(m.geom, 3857), t.env, 4096, 64, true) as geom
  from t
  join municipalities m on m.geom && t.search and ST_Intersects(m.geom, t.search)
) f
where f.geom is not null;
