-- $1 token: counts a view when the link is live; always says what state it is in
with link as (
  select id, sites, use, expires_at, revoked_at from pitch_links where token = $1
), counted as (
  update pitch_links p set views = p.views + 1, last_viewed_at = now()
  from link
  where p.id = link.id and link.revoked_at is null and link.expires_at > now()
  returning p.views
)
select link.sites, link.use, link.expires_at as "expiresAt", link.revoked_at as "revokedAt",
       link.expires_at <= now() as expired, (select views from counted) as views
from link;
