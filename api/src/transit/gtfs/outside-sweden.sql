-- $1 longitudes, $2 latitudes (WGS 84) of the stops a GTFS import would write. Returns the
-- 1-based positions of those outside Sweden (migration 0080's boundary): a national feed
-- has Oslo and Copenhagen, which the loader would refuse; the import leaves them out.
select p.ord::int as ord
from unnest($1::float8[], $2::float8[]) with ordinality as p(lon, lat, ord)
-- (ST_Covers with the boundary first: PostGIS prepares the repeated first argument)
where not ST_Covers((select geom from sweden_boundary), ST_Transform(ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326), 3006));
