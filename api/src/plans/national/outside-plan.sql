-- Regulations not inside the plan area, with DP-0003's tolerance of 10 cm.
select o.key, ST_Dimension(o.geom) as dim, round(ST_Area(ST_Difference(o.geom, p.geom))::numeric, 1)::float8 as outside_m2
from nis_objects o
cross join (select geom from nis_objects where key = 'plan') p
where o.key <> 'plan' and not ST_Covers(ST_Buffer(p.geom, 0.1), o.geom);
