-- $1: JSON array of GeoJSON geometries, $2: their SRID, $3: the largest area allowed (m², null: none).
-- Returns the 0-based index and the first reason for each geometry that is invalid (GEOS's
-- validity, O(n log n), stops at the first fault), invalid after transformation to 3006,
-- outside Sweden (migration 0080) or larger than the layer allows.
with g as (
  select (t.ord - 1)::int as idx, ST_SetSRID(ST_GeomFromGeoJSON(t.geom), $2::int) as geom
  from jsonb_array_elements($1::jsonb) with ordinality as t(geom, ord)
), v as (
  select idx, geom, ST_IsValidDetail(geom) as own from g
), t as (
  select idx, own, ST_Transform(geom, 3006) as m from v where (own).valid
), r as (
  select idx, (own).reason || coalesce(' at [' || ST_X((own).location) || ', ' || ST_Y((own).location) || ']', '') as reason
  from v where not (own).valid
  union all
  select idx, case
      when not ST_IsValid(m) then 'invalid after transformation to SWEREF 99 TM: ' || ST_IsValidReason(m)
      when not ST_CoveredBy(m, (select geom from sweden_boundary)) then 'outside Sweden (it must lie within Sweden''s borders or territorial sea)'
      when $3::float8 is not null and ST_Area(m) > $3::float8 then
        format('area %s km² is larger than this layer allows (%s km²)', round((ST_Area(m) / 1e6)::numeric, 2), round(($3::float8 / 1e6)::numeric, 2))
    end
  from t
)
select idx, reason from r where reason is not null order by idx;
