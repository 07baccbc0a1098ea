-- Parts that are invalid in their own CRS (never repaired) or that do not lie in Sweden
-- (sweden_boundary, migration 0080, as every other geometry the API takes) after their
-- transformation to 3006: most often a wrong koordinatsystemPlan or swapped axes.
with t as (
  select key, part, srid, geom, ST_Transform(geom, 3006) as g3006 from nis_parts
)
select key, part, coalesce(
  case when not ST_IsValid(geom) then 'invalid geometry: ' || ST_IsValidReason(geom) end,
  case when not ST_CoveredBy(g3006, (select geom from sweden_boundary))
       then format('lies outside Sweden in EPSG:%s (first position %s %s): wrong koordinatsystemPlan or swapped axes?',
                   srid, round(ST_X(ST_GeometryN(ST_Points(geom), 1))::numeric, 1)::float8, round(ST_Y(ST_GeometryN(ST_Points(geom), 1))::numeric, 1)::float8) end
) as reason
from t
where not ST_IsValid(geom) or not ST_CoveredBy(g3006, (select geom from sweden_boundary))
order by part;
