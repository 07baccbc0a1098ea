-- $1 zone keys, $2 keys of the building-right regulations.
-- Which building-right regulation touches which zone, whether it covers the whole zone
-- (10 cm tolerance) and the shares of each one's area in the other.
select z.key as zone_key, r.key as reg_key,
       ST_Covers(ST_Buffer(r.geom, 0.1), z.geom) as covers,
       ST_Area(ST_Intersection(z.geom, r.geom)) / ST_Area(z.geom) as zone_share,
       case when ST_Area(r.geom) > 0 then ST_Area(ST_Intersection(z.geom, r.geom)) / ST_Area(r.geom) else 0 end as reg_share
from nis_objects z
join nis_objects r on r.key = any ($2::text[]) and ST_Intersects(z.geom, r.geom)
where z.key = any ($1::text[])
order by z.key, r.key;
