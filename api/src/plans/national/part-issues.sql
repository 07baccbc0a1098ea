-- $1-$4 Sweden's bounds in 3006 (min x, min y, max x, max y).
-- Parts that are invalid in their own CRS (never repaired) or fall outside Sweden in 3006.
with t as (
  select key, part, srid, geom, ST_Transform(geom, 3006) as g3006 from nis_parts
)
select key, part, coalesce(
  case when not ST_IsValid(geom) then 'invalid geometry: ' || ST_IsValidReason(geom) end,
  case when not ST_CoveredBy(g3006, ST_MakeEnvelope($1, $2, $3, $4, 3006))
       then format('lies outside Sweden in EPSG:%s (first position %s %s): wrong koordinatsystemPlan or swapped axes?',
                   srid, round(ST_X(ST_GeometryN(ST_Points(geom), 1))::numeric, 1), round(ST_Y(ST_GeometryN(ST_Points(geom), 1))::numeric, 1)) end
) as reason
from t
where not ST_IsValid(geom) or not ST_CoveredBy(g3006, ST_MakeEnvelope($1, $2, $3, $4, 3006))
order by part;
