-- The area a geometry overlaps most (ties: the first ref), or null when it overlaps none.
-- A parcel loaded without areaRef gets this; it is derived again whenever areas change, so
-- the order in which layers are loaded does not matter.
create or replace function best_area_ref(p_geom geometry) returns text
language sql stable parallel safe as $$
  select a.ref
  from areas a
  where a.geom && p_geom and ST_Intersects(a.geom, p_geom)
  order by ST_Area(ST_Intersection(a.geom, p_geom)) desc, a.ref
  limit 1
$$;
