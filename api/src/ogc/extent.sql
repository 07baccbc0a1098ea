-- A collection's extent: bbox in CRS84 and the interval of its temporal property.
-- the source placeholder is a source-*.sql file; $1 its constant.
select $1::int as source_constant, ST_XMin(b) as xmin, ST_YMin(b) as ymin, ST_XMax(b) as xmax, ST_YMax(b) as ymax,
  t0, t1
from (
  select ST_Transform(ST_SetSRID(ST_Extent(s.geom)::geometry, 3006), 4326) as b, min(s.dt) as t0, max(s.dt) as t1
  from ({{source}}) s
) e;
