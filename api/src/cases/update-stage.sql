-- $1 id, $2 expected version, $3 stage, $4 outcome, $5 lost reason, $6 satisfaction, $7 closed_at
update cases set stage = $3, outcome = $4, lost_reason = $5, satisfaction_score = $6, closed_at = $7
where id = $1 and version = $2
returning version;
