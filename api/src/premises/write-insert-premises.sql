-- $1 ref, $2 title, $3 kind, $4 floor area, $5 rent, $6 available from, $7 status, $8 address,
-- $9 illustrative, $10 source, $11 GeoJSON geometry, $12 its srid, $13 owner account (null: staff listing)
insert into premises (ref, title, kind, floor_area_m2, rent_sek_per_m2_year, available_from, status, address,
                      illustrative, source, geom, owner_account_id)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, geom_from_geojson($11, $12::int), $13)
on conflict (ref) do nothing
returning id;
