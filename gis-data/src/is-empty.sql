select not exists (select 1 from areas)
   and not exists (select 1 from land_parcels)
   and not exists (select 1 from plan_zones)
   and not exists (select 1 from premises)
   and not exists (select 1 from stops)
   and not exists (select 1 from municipalities) as empty;
