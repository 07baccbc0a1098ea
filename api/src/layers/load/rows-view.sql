-- The rows the merge reads, one per feature, in SWEREF 99 TM: those staged from the feature
-- index etablera.load_from on (load-from.sql; 0 unless the load runs in parts).
create temp view load_rows as
select idx, ref, props, defaulted, ST_Transform(geom, 3006) as geom from load_staging
where idx >= current_setting('etablera.load_from')::int;
