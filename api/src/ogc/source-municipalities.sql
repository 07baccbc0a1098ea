-- The municipalities collection (see source-land.sql for the column contract); no temporal property.
select m.id as ord, m.ref as fid, m.geom, null::timestamptz as dt,
  m.ref as "ref", m.name as "name", m.relation as "relation",
  json_build_object(
    'id', m.id,
    'ref', m.ref,
    'name', m.name,
    'neighbours', m.neighbours,
    'relation', m.relation,
    'source', m.source
  ) as properties
from municipalities m
