-- $1 case, $2 kind, $3 occurred_at (null = now), $4 recorded_by, $5 body, $6 from stage, $7 to stage,
-- $8 site kind, $9 site ref, $10 response
insert into case_events (case_id, kind, occurred_at, recorded_by, body, from_stage, to_stage, site_kind, site_ref, response)
values ($1, $2, coalesce($3::timestamptz, now()), $4, $5, $6, $7, $8, $9, $10)
returning id, occurred_at as "occurredAt";
