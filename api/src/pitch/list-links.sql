-- $1 case id; $2 link id or null
select id, case_id as "caseId", token, sites, use, expires_at as "expiresAt", revoked_at as "revokedAt", views,
       last_viewed_at as "lastViewedAt", created_by as "createdBy", created_at as "createdAt"
from pitch_links
where case_id = $1 and ($2::int is null or id = $2)
order by created_at desc, id desc;
