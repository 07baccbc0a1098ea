-- $1 JSON array of { key, srid, geometry }: every geometry part of the document, in its own CRS
insert into nis_parts (key, part, srid, geom)
select e->>'key', (t.ord - 1)::int, (e->>'srid')::int, ST_SetSRID(ST_GeomFromGeoJSON(e->'geometry'), (e->>'srid')::int)
from jsonb_array_elements($1::jsonb) with ordinality as t(e, ord);
