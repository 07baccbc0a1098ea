-- The geometry parts of one document as delivered, and each object's parts united in 3006;
-- dropped when the import's transaction ends.
create temp table nis_parts (key text not null, part integer not null, srid integer not null, geom geometry not null) on commit drop;
create temp table nis_objects (key text primary key, geom geometry not null) on commit drop;
