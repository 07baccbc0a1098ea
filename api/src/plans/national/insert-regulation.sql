-- $1 objektidentitet, $2 plan id, $3 order in the file, $4 kind, $5 catalogue UUID, $6 wording,
-- $7 original wording, $8 values (json), $9 regulated use regulations, $10 motive,
-- $11 zone ref, $12 geometry metadata (json)
insert into plan_regulations (national_id, plan_id, ord, kind, catalogue_id, wording, original_wording, variable_values,
                              regulates, motive, zone_ref, geometry_metadata, geom)
select $1::text::uuid, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::uuid[], $10, $11, $12::jsonb, geom from nis_objects where key = $1::text;
