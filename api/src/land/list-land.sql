-- $1 srid out, $2-$5 bbox in $1, $6 area ref, $7 ref, $8 statuses, $9 owner types
select coalesce(json_agg(f.feature order by f.ref), '[]')::text as features
from (
  select l.ref, json_build_object(
    'type', 'Feature',
    'id', l.id,
    'geometry', geom_to_geojson(l.geom, $1::int),
    'properties', json_build_object(
      'id', l.id,
      'ref', l.ref,
      'ownerType', l.owner_type,
      -- public readers: a private owner's name is hidden (migration 0087); staff get it added by routes.ts
      'ownerName', visible_owner_name(l.owner_type, l.owner_name),
      'status', l.status,
      'priceSekPerM2', l.price_sek_per_m2,
      'reservationKind', l.reservation_kind,
      'reservedUntil', l.reserved_until,
      'areaRef', l.area_ref,
      'areaM2', round(ST_Area(l.geom)::numeric, 1),
      'illustrative', l.illustrative,
      'source', l.source,
      'version', l.version,
      'updatedAt', l.updated_at
    )
  ) as feature
  from land_parcels l
  where ($2::float8 is null or ST_Intersects(l.geom, ST_Transform(ST_MakeEnvelope($2, $3, $4, $5, $1::int), 3006)))
    and ($6::text is null or l.area_ref = $6)
    and ($7::text is null or l.ref = $7)
    and ($8::text[] is null or l.status = any ($8))
    and ($9::text[] is null or l.owner_type = any ($9))
) f;
