-- $1 plan id, $2 name, $3 status, $4 legal force date, $5 expected legal force date,
-- $6 implementation end date, $7 status changed at, $8 illustrative, $9 source
insert into plans (plan_id, name, status, legal_force_date, expected_legal_force_date,
                   implementation_end_date, status_changed_at, illustrative, source)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
on conflict (plan_id) do update set
  name = excluded.name,
  status = excluded.status,
  legal_force_date = excluded.legal_force_date,
  expected_legal_force_date = excluded.expected_legal_force_date,
  implementation_end_date = excluded.implementation_end_date,
  status_changed_at = excluded.status_changed_at,
  illustrative = excluded.illustrative,
  source = excluded.source
where (plans.name, plans.status, plans.legal_force_date, plans.expected_legal_force_date,
       plans.implementation_end_date, plans.status_changed_at, plans.illustrative, plans.source)
  is distinct from
      (excluded.name, excluded.status, excluded.legal_force_date, excluded.expected_legal_force_date,
       excluded.implementation_end_date, excluded.status_changed_at, excluded.illustrative, excluded.source);
