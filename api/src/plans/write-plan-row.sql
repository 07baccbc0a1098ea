-- $1 plan id
select plan_id as "planId", name as "planName", status, legal_force_date as "legalForceDate",
       expected_legal_force_date as "expectedLegalForceDate", implementation_end_date as "implementationEndDate",
       status_changed_at as "statusChangedAt", version
from plans where plan_id = $1;
