-- $1 zone ref, $2 expected zone version, $3 expected plan version: deletes the zone only if
-- neither it nor its plan changed since it was read (the plan row stays: other zones, history)
delete from plan_zones z using plans p
where z.ref = $1 and z.version = $2 and p.plan_id = z.plan_id and p.version = $3
returning z.id;
