-- $1 session token hash. Disabled accounts lose their sessions at once.
select a.id, a.email, a.name, a.role, a.status
from sessions s
join accounts a on a.id = s.account_id
where s.token_hash = $1 and s.expires_at > now() and a.status <> 'disabled';
