-- $1 stage or null, $2 officer id or null, $3 search text or null
select c.id, c.company_name as "companyName", c.sector, c.jobs_expected as "jobsExpected", c.stage, c.outcome,
       c.officer_id as "officerId", c.source, c.version, c.updated_at as "updatedAt",
       min(e.occurred_at) as "openedAt", max(e.occurred_at) as "lastEventAt",
       (select count(*) from case_sites s where s.case_id = c.id)::int as "sitesProposed"
from cases c
left join case_events e on e.case_id = c.id
where ($1::text is null or c.stage = $1)
  and ($2::int is null or c.officer_id = $2)
  and ($3::text is null or c.company_name ilike '%' || $3 || '%' or c.sector ilike '%' || $3 || '%')
group by c.id
order by max(e.occurred_at) desc nulls last, c.id desc;
