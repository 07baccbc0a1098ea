-- $1 e-mail (lower case): erases the person. Their account (and with it sessions, API tokens;
-- premises keep the listing, without owner), their contact details on saved requests and
-- cases, the e-mail inside case notes, and their personal fields in the audit trail.
-- Business facts (a case's company, stage, jobs; a request's criteria) stay, anonymous.
with acct as (
  delete from accounts where email = $1 returning id
), requests as (
  update match_requests set contact_name = null, contact_email = null, contact_phone = null
  where lower(contact_email) = $1 returning id
), cases as (
  update cases set contact_name = null, contact_email = null, contact_phone = null
  where lower(contact_email) = $1 returning id
), notes as (
  update case_events set body = regexp_replace(body, $2, '[raderad]', 'gi')
  where strpos(lower(body), $1) > 0 returning id
), audit as (
  update audit_log
     set account_email = case when account_email = $1 then null else account_email end,
         before = case when strpos(lower(before::text), $1) > 0 then before - $3::text[] else before end,
         after = case when strpos(lower(after::text), $1) > 0 then after - $3::text[] else after end
   where account_email = $1 or strpos(lower(coalesce(before::text, '') || coalesce(after::text, '')), $1) > 0
  returning id
)
select (select count(*) from acct)::int as accounts, (select count(*) from requests)::int as requests,
       (select count(*) from cases)::int as cases, (select count(*) from notes)::int as "caseNotes",
       (select count(*) from audit)::int as "auditEntries";
