-- The staging table of one load (temporary: not WAL-logged, private to the connection).
-- geom keeps the source CRS; the merge transforms to 3006. load_touched collects the refs
-- the merge wrote, for the after-load hook (afterLayerLoad).
-- The merge sorts the load by feature index (rows keep the file's order): in memory, not in
-- temporary files (100 000 parcels spilled 17 MB to disk with the default 4 MB).
set local work_mem = '256MB';
-- (cascade: the previous load's view load_rows goes with its table)
drop table if exists load_grouped cascade;
drop table if exists load_staging cascade;
drop table if exists load_touched;
create temp table load_staging (
  idx integer not null,
  ref text not null,
  grp text,
  props jsonb not null,
  defaulted text[] not null,
  geom geometry not null
);
-- reindex: what the matching index must redo for the row (null: everything the layer's
-- refresh does; land's merge says 'all', 'site' or 'none', see merge-land.sql).
create temp table load_touched (ref text primary key, inserted boolean not null, reindex text);
