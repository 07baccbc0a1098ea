-- $1 case id (stage changes lock the row with lock-case.sql instead)
select c.id, c.company_name as "companyName", c.org_number as "orgNumber", c.sector,
       c.jobs_expected as "jobsExpected", c.investment_msek as "investmentMsek", c.contact_name as "contactName", c.contact_email as "contactEmail",
       c.contact_phone as "contactPhone", c.summary, c.stage, c.outcome, c.lost_reason as "lostReason",
       c.satisfaction_score as "satisfactionScore", c.officer_id as "officerId", c.source,
       c.closed_at as "closedAt", c.created_by as "createdBy", c.version, c.created_at as "createdAt",
       c.updated_at as "updatedAt",
       (select min(e.occurred_at) from case_events e where e.case_id = c.id) as "openedAt"
from cases c
where c.id = $1;
