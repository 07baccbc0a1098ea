-- The retention rule (README, "Personal data"), one statement. $1 months after a case closed,
-- $2 months a saved request is kept with contacts when no open case needs it, $3 months an
-- untouched intake case in first contact keeps its contact details. Contact fields are
-- blanked (the business facts stay for the KPIs and unmet demand); notes of closed cases go;
-- audit entries older than $1 months lose the personal fields of their records;
-- expired sessions, old revoked/expired tokens and spent rate-limit counters are deleted.
with blanked_cases as (
  -- one update of cases (a row may meet both rules; a statement updates a row once)
  update cases set contact_name = null, contact_email = null, contact_phone = null
  where (contact_name is not null or contact_email is not null or contact_phone is not null)
    and (closed_at < now() - make_interval(months => $1::int)
         or (source = 'intake' and stage = 'first_contact' and updated_at < now() - make_interval(months => $3::int)))
  returning id, closed_at is not null as closed
), closed_notes as (
  update case_events e set body = null
  from cases c
  where c.id = e.case_id and c.closed_at < now() - make_interval(months => $1::int)
    and e.kind in ('note', 'call', 'meeting') and e.body is not null
  returning e.id
), requests as (
  update match_requests r set contact_name = null, contact_email = null, contact_phone = null
  where (r.contact_name is not null or r.contact_email is not null or r.contact_phone is not null)
    and (
      -- no open case needs it, and nobody touched it for $2 months
      (r.updated_at < now() - make_interval(months => $2::int)
       and not exists (select 1 from case_requests cr join cases c on c.id = cr.case_id where cr.request_id = r.id and c.closed_at is null))
      -- or it belongs only to cases whose contacts the rules above blank
      or exists (select 1 from case_requests cr join cases c on c.id = cr.case_id
                 where cr.request_id = r.id
                   and (c.closed_at < now() - make_interval(months => $1::int)
                        or (c.source = 'intake' and c.stage = 'first_contact' and c.updated_at < now() - make_interval(months => $3::int))))
    )
  returning r.id
), audit as (
  update audit_log set before = before - $4::text[], after = after - $4::text[]
  where at < now() - make_interval(months => $1::int)
    and ((before ?| $4::text[]) or (after ?| $4::text[]))
  returning id
), sessions as (
  delete from sessions where expires_at < now() returning 1
), tokens as (
  delete from api_tokens where coalesce(revoked_at, expires_at) < now() - interval '90 days' returning 1
), counters as (
  delete from rate_limits where expire < (extract(epoch from now()) * 1000)::bigint - 3600000 returning 1
)
select (select count(*) from blanked_cases where closed)::int as "closedCases", (select count(*) from closed_notes)::int as "closedCaseNotes",
       (select count(*) from blanked_cases where not closed)::int as "intakeCases", (select count(*) from requests)::int as requests,
       (select count(*) from audit)::int as "auditEntries", (select count(*) from sessions)::int as sessions,
       (select count(*) from tokens)::int as "apiTokens", (select count(*) from counters)::int as "rateLimitCounters";
