-- The rows the merge reads when parts make one feature (same group key, e.g. Lantmäteriet's
-- registerenhetsreferens): the parts united into one MultiPolygon in SWEREF 99 TM, with the
-- properties of the first part. A lone part is kept as it is (made Multi), not passed
-- through a union that could re-node it.
create temp table load_grouped as
with g as (
  select min(idx) as idx,
         ST_Multi(case when count(*) = 1 then (array_agg(ST_Transform(geom, 3006)))[1]
                       else ST_Union(ST_Transform(geom, 3006)) end) as geom
  from load_staging
  group by coalesce(grp, 'idx:' || idx)
)
select s.idx, s.ref, s.props, s.defaulted, g.geom
from g join load_staging s using (idx);
create temp view load_rows as select * from load_grouped;
