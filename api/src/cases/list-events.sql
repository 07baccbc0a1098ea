-- $1 case id: the timeline, oldest first
select id, kind, occurred_at as "occurredAt", recorded_at as "recordedAt", recorded_by as "recordedBy", body,
       from_stage as "fromStage", to_stage as "toStage", site_kind as "siteKind", site_ref as "siteRef", response
from case_events
where case_id = $1
order by occurred_at, id;
