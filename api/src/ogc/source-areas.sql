-- The areas collection (see source-land.sql for the column contract).
select a.id as ord, a.ref as fid, a.geom, a.updated_at as dt,
  a.ref as "ref", a.name as "name", a.municipality_code as "municipalityCode",
  a.illustrative as "illustrative", a.updated_at as "updatedAt",
  json_build_object(
    'id', a.id,
    'ref', a.ref,
    'name', a.name,
    'municipalityCode', a.municipality_code,
    'profile', a.profile,
    'facts', a.facts,
    'areaHa', round((ST_Area(a.geom) / 10000)::numeric, 2),
    'illustrative', a.illustrative,
    'source', a.source,
    'version', a.version,
    'updatedAt', a.updated_at
  ) as properties
from areas a
