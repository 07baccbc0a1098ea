-- The rows the merge reads, one per feature, in SWEREF 99 TM.
create temp view load_rows as
select idx, ref, props, defaulted, ST_Transform(geom, 3006) as geom from load_staging;
