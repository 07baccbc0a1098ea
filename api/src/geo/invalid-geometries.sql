-- $1: JSON array of GeoJSON geometries, $2: their SRID.
-- Returns the 0-based index and PostGIS's reason for each invalid one.
with g as (
  select (t.ord - 1)::int as idx, ST_SetSRID(ST_GeomFromGeoJSON(t.geom), $2::int) as geom
  from jsonb_array_elements($1::jsonb) with ordinality as t(geom, ord)
)
select idx, coalesce(
  case when not ST_IsValid(geom) then ST_IsValidReason(geom) end,
  case when not ST_IsValid(ST_Transform(geom, 3006)) then 'invalid after transformation to SWEREF 99 TM: ' || ST_IsValidReason(ST_Transform(geom, 3006)) end
) as reason
from g
where not ST_IsValid(geom) or not ST_IsValid(ST_Transform(geom, 3006))
order by idx;
