-- One page of a collection's items and the number matched. the source placeholder is a source-*.sql file,
-- the where placeholder is the compiled CQL2 filter (whitelisted identifiers, values only as $14 …).
-- $1 the source's constant (premises: days until stale), $2 srid out, $3 decimals,
-- $4 swap axes (EPSG:4326 lat/lon, EPSG:3006 northing/easting), $5-$8 bbox (x/y order) in
-- srid $9, $10-$11 datetime interval (null = open), $12 limit, $13 offset
with hits as (
  select s.ord
  from ({{source}}) s
  where ($5::float8 is null or ST_Intersects(s.geom, ST_Transform(ST_MakeEnvelope($5, $6, $7, $8, $9::int), 3006)))
    and ($10::timestamptz is null or s.dt >= $10)
    and ($11::timestamptz is null or s.dt <= $11)
    and ({{where}})
),
page as (
  select ord from hits order by ord limit $12 offset $13
)
select $1::int as source_constant,
  (select count(*) from hits)::int as matched,
  (select coalesce(json_agg(json_build_object(
      'type', 'Feature',
      'id', s.fid,
      'geometry', ST_AsGeoJSON(case when $4::boolean then ST_FlipCoordinates(ST_Transform(s.geom, $2::int))
                                    else ST_Transform(s.geom, $2::int) end, $3::int, 0)::json,
      'properties', s.properties) order by s.ord), '[]')::text
   from ({{source}}) s
   where s.ord in (select ord from page)) as features;
