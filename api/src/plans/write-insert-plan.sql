-- $1 plan id, $2 name, $3 status, $4 legal force date, $5 expected legal force date,
-- $6 implementation end date, $7 status changed at, $8 illustrative, $9 source
insert into plans (plan_id, name, status, legal_force_date, expected_legal_force_date,
                   implementation_end_date, status_changed_at, illustrative, source)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
on conflict (plan_id) do nothing;
