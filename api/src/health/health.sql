select postgis_lib_version() as postgis,
       json_build_object(
         'areas', (select count(*) from areas),
         'land', (select count(*) from land_parcels),
         'plans', (select count(*) from plan_zones),
         'premises', (select count(*) from premises),
         'stops', (select count(*) from stops)
       ) as counts;
