-- $1 plan id, $2 keys of the zones of the file.
-- Zones drawn in Etablera export their uses as regulations with name-based UUIDs
-- (export-document.ts): a file exported from this plan finds the zones it came from.
select distinct on (k.key) k.key, z.ref
from plan_zones z
cross join lateral unnest(z.use_codes) c(code)
join unnest($2::text[]) k(key) on etablera_name_uuid(z.plan_id || '/' || z.ref || '/use/' || c.code)::text = k.key
where z.plan_id = $1
order by k.key, z.ref;
