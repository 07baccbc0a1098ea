-- Split parts of one object (DP-0004 forbids multigeometries, so producers split them) are
-- united again, in SWEREF 99 TM.
insert into nis_objects (key, geom)
select key, ST_Union(ST_Transform(geom, 3006)) from nis_parts group by key;
