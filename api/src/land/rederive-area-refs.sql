-- Parcels with no areaRef of their own follow the areas as they are now.
update land_parcels
set area_ref = best_area_ref(geom)
where (area_ref is null or area_ref_derived)
  and area_ref is distinct from best_area_ref(geom);
