-- $1 keys of the zones, $2 the largest area a plan zone may have (geo/limits.ts).
select key, round((ST_Area(geom) / 1e6)::numeric, 2)::float8 as km2
from nis_objects where key = any ($1::text[]) and ST_Area(geom) > $2::float8;
