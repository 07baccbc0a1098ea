-- $1 limit. No contact fields: lists never carry personal data.
select id, company_name as "companyName", sector, jobs_expected as "jobsExpected", notes, criteria,
       created_at as "createdAt", updated_at as "updatedAt", version
from match_requests
order by created_at desc, id desc
limit $1::int;
