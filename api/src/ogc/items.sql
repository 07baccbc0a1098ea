-- One page of a collection's items and the number matched. The source placeholder is a
-- source-*.sql file, the where placeholder the compiled CQL2 filter (whitelisted identifiers,
-- values only as $14 …). The conditions are written twice, for the count and for the page,
-- rather than kept in a CTE: a materialised CTE of every hit cost 140 ms at 100 000 parcels,
-- while the page alone walks the primary key and stops after limit + offset rows.
-- $1 the source's constant (premises: days until stale), $2 srid out, $3 decimals,
-- $4 swap axes (EPSG:4326 lat/lon, EPSG:3006 northing/easting), $5-$8 bbox (x/y order) in
-- srid $9, $10-$11 datetime interval (null = open), $12 limit, $13 offset.
-- A bbox in degrees is cut to 0–35°E, 45–80°N first: EPSG:3006's transverse Mercator is
-- meaningless far from Sweden (a world bbox would transform to nothing and find nothing).
select $1::int as source_constant, m.matched, p.features, p.returned
from
  (select count(*)::int as matched
   from ({{source}}) s
   where ($5::float8 is null or ST_Intersects(s.geom, ST_Transform(case when $9::int = 4326 then ST_Intersection(ST_MakeEnvelope($5, $6, $7, $8, 4326), ST_MakeEnvelope(0, 45, 35, 80, 4326)) else ST_MakeEnvelope($5, $6, $7, $8, $9::int) end, 3006)))
     and ($10::timestamptz is null or s.dt >= $10)
     and ($11::timestamptz is null or s.dt <= $11)
     and ({{where}})) m,
  (select count(*)::int as returned, coalesce(json_agg(json_build_object(
      'type', 'Feature',
      'id', s.fid,
      'geometry', ST_AsGeoJSON(case when $4::boolean then ST_FlipCoordinates(ST_Transform(s.geom, $2::int))
                                    else ST_Transform(s.geom, $2::int) end, $3::int, 0)::json,
      'properties', s.properties) order by s.ord), '[]')::text as features
   from ({{source}}) s
   where s.ord in (
     select s.ord
     from ({{source}}) s
     where ($5::float8 is null or ST_Intersects(s.geom, ST_Transform(case when $9::int = 4326 then ST_Intersection(ST_MakeEnvelope($5, $6, $7, $8, 4326), ST_MakeEnvelope(0, 45, 35, 80, 4326)) else ST_MakeEnvelope($5, $6, $7, $8, $9::int) end, 3006)))
       and ($10::timestamptz is null or s.dt >= $10)
       and ($11::timestamptz is null or s.dt <= $11)
       and ({{where}})
     order by s.ord
     limit $12 offset $13)) p;
