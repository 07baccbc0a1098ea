-- The premises collection (see source-land.sql for the column contract). $1 is the number of
-- days after which an unconfirmed listing is stale, as in GET /api/premises.
select p.id as ord, p.ref as fid, p.geom, p.available_from::timestamp at time zone 'UTC' as dt,
  p.ref as "ref", p.title as "title", p.kind as "kind", p.floor_area_m2 as "floorAreaM2",
  p.rent_sek_per_m2_year as "rentSekPerM2Year", p.available_from as "availableFrom",
  p.status as "status", p.address as "address", p.illustrative as "illustrative",
  json_build_object(
    'id', p.id,
    'ref', p.ref,
    'title', p.title,
    'kind', p.kind,
    'floorAreaM2', p.floor_area_m2,
    'rentSekPerM2Year', p.rent_sek_per_m2_year,
    'availableFrom', p.available_from,
    'status', p.status,
    'address', p.address,
    'areaRef', (select a.ref from areas a where ST_Intersects(a.geom, p.geom) order by a.ref limit 1),
    'confirmedAt', p.confirmed_at,
    'stale', p.confirmed_at < now() - make_interval(days => $1::int),
    'illustrative', p.illustrative,
    'source', p.source,
    'version', p.version,
    'updatedAt', p.updated_at
  ) as properties
from premises p
