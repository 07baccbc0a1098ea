-- $1 id
select id, company_name as "companyName", contact_name as "contactName", contact_email as "contactEmail",
       contact_phone as "contactPhone", sector, jobs_expected as "jobsExpected", notes, criteria,
       created_at as "createdAt", updated_at as "updatedAt", version
from match_requests
where id = $1::int;
