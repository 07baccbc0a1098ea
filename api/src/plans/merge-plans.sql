-- Merges the plans named by a load's zones (load_rows; every zone of a plan carries the same
-- plan-level fields, checked before) into plans, like upsert-plan.sql: a plan row is only
-- touched when its fields changed.
insert into plans as pl (plan_id, name, status, legal_force_date, expected_legal_force_date,
                         implementation_end_date, status_changed_at, illustrative, source)
select distinct on (p."planId") p."planId", p."planName", p.status, p."legalForceDate", p."expectedLegalForceDate",
       p."implementationEndDate", p."statusChangedAt", p.illustrative, p.source
from load_rows r
cross join lateral jsonb_to_record(r.props) as p("planId" text, "planName" text, status text, "legalForceDate" date,
  "expectedLegalForceDate" date, "implementationEndDate" date, "statusChangedAt" date, illustrative boolean, source text)
order by p."planId", r.idx
on conflict (plan_id) do update set
  name = excluded.name,
  status = excluded.status,
  legal_force_date = excluded.legal_force_date,
  expected_legal_force_date = excluded.expected_legal_force_date,
  implementation_end_date = excluded.implementation_end_date,
  status_changed_at = excluded.status_changed_at,
  illustrative = excluded.illustrative,
  source = excluded.source
where (pl.name, pl.status, pl.legal_force_date, pl.expected_legal_force_date,
       pl.implementation_end_date, pl.status_changed_at, pl.illustrative, pl.source)
  is distinct from
      (excluded.name, excluded.status, excluded.legal_force_date, excluded.expected_legal_force_date,
       excluded.implementation_end_date, excluded.status_changed_at, excluded.illustrative, excluded.source);
