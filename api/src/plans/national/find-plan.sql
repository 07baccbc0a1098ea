-- $1 objektidentitet: the national plan, or the plan drawn in Etablera whose export this is
select plan_id as "planId", name, status, national_version as "nationalVersion",
       version_valid_from as "versionValidFrom", expected_legal_force_date as "expectedLegalForceDate",
       (select coalesce(array_agg(ref order by ref), '{}') from plan_zones z where z.plan_id = p.plan_id) as "zoneRefs"
from plans p
where national_id = $1
   or (national_id is null and etablera_name_uuid(plan_id || '/plan') = $1)
for update;
