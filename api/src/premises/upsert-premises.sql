-- $1 ref, $2 title, $3 kind, $4 floor area, $5 rent, $6 available from, $7 status, $8 address,
-- $9 illustrative, $10 source, $11 GeoJSON geometry, $12 its srid
insert into premises (ref, title, kind, floor_area_m2, rent_sek_per_m2_year, available_from, status, address, illustrative, source, geom)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, geom_from_geojson($11, $12::int))
on conflict (ref) do update set
  title = excluded.title,
  kind = excluded.kind,
  floor_area_m2 = excluded.floor_area_m2,
  rent_sek_per_m2_year = excluded.rent_sek_per_m2_year,
  available_from = excluded.available_from,
  status = excluded.status,
  address = excluded.address,
  illustrative = excluded.illustrative,
  source = excluded.source,
  geom = excluded.geom,
  confirmed_at = now()
returning (xmax = 0) as inserted;
