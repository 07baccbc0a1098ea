-- $1 plan id, $2 objektidentitet, $3 objektversion, $4 versionGiltigFran, $5 name, $6 designation,
-- $7 municipality name, $8 purpose, $9 plan type, $10 status, $11 status changed at,
-- $12 diary number, $13 started, $14 adopted, $15 legal force, $16 implementation start,
-- $17 implementation months, $18 implementation end, $19 geometry metadata (json), $20 source.
-- Returns nothing when the plan id belongs to another plan.
insert into plans (plan_id, national_id, national_version, version_valid_from, name, designation, municipality_name,
                   purpose, plan_type, status, status_changed_at, diary_number, started_date, adopted_date,
                   legal_force_date, implementation_start_date, implementation_months, implementation_end_date,
                   geometry_metadata, source, illustrative, boundary)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::jsonb, $20, false,
        (select ST_Multi(geom) from nis_objects where key = 'plan'))
on conflict (plan_id) do update set
  national_id = excluded.national_id, national_version = excluded.national_version,
  version_valid_from = excluded.version_valid_from, name = excluded.name, designation = excluded.designation,
  municipality_name = excluded.municipality_name, purpose = excluded.purpose, plan_type = excluded.plan_type,
  status = excluded.status, status_changed_at = excluded.status_changed_at, diary_number = excluded.diary_number,
  started_date = excluded.started_date, adopted_date = excluded.adopted_date, legal_force_date = excluded.legal_force_date,
  implementation_start_date = excluded.implementation_start_date, implementation_months = excluded.implementation_months,
  implementation_end_date = excluded.implementation_end_date, geometry_metadata = excluded.geometry_metadata,
  source = excluded.source, illustrative = false, boundary = excluded.boundary
-- never take over a plan drawn in Etablera that happens to have this id, only the one this
-- file was exported from
where plans.national_id = excluded.national_id
   or (plans.national_id is null and etablera_name_uuid(plans.plan_id || '/plan') = excluded.national_id)
returning plan_id;
