-- The rows the merge reads when parts make one feature (same group key, e.g. Lantmäteriet's
-- registerenhetsreferens): the parts united into one MultiPolygon in SWEREF 99 TM. A lone
-- part is kept as it is (made Multi), not passed through a union that could re-node it.
create temp table load_grouped as
select min(idx) as idx, min(ref) as ref,
       (array_agg(props order by idx))[1] as props,
       (array_agg(defaulted order by idx))[1] as defaulted,
       ST_Multi(case when count(*) = 1 then (array_agg(ST_Transform(geom, 3006)))[1]
                     else ST_Union(ST_Transform(geom, 3006)) end) as geom
from load_staging
group by coalesce(grp, 'idx:' || idx);
create temp view load_rows as select * from load_grouped;
