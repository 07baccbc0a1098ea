-- The stops collection (see source-land.sql for the column contract); no temporal property.
select s.id as ord, s.ref as fid, s.geom, null::timestamptz as dt,
  s.ref as "ref", s.name as "name", s.mode as "mode", s.planned as "planned",
  s.opening_year as "openingYear", s.departures_per_hour as "departuresPerHour", s.municipality_code as "municipalityCode",
  s.illustrative as "illustrative",
  json_build_object(
    'id', s.id,
    'ref', s.ref,
    'name', s.name,
    'mode', s.mode,
    'planned', s.planned,
    'openingYear', s.opening_year,
    'departuresPerHour', s.departures_per_hour,
    'sourceId', s.source_id,
    'municipalityCode', s.municipality_code,
    'illustrative', s.illustrative,
    'source', s.source
  ) as properties
from stops s
