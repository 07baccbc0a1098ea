-- $1 case id: when the current stage began
select max(occurred_at) as "occurredAt" from case_events where case_id = $1 and kind = 'stage_change';
