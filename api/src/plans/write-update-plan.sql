-- $1 plan id, $2 expected version, $3 name, $4 status, $5 legal force date,
-- $6 expected legal force date, $7 implementation end date, $8 status changed at
update plans set
  name = $3, status = $4, legal_force_date = $5, expected_legal_force_date = $6,
  implementation_end_date = $7, status_changed_at = $8
where plan_id = $1 and version = $2
returning version;
