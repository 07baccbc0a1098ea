-- $1 API token hash: the account, noting when the token was last used.
with t as (
  update api_tokens set last_used_at = now()
  where token_hash = $1 and revoked_at is null and (expires_at is null or expires_at > now())
  returning account_id
)
select a.id, a.email, a.name, a.role, a.status
from t join accounts a on a.id = t.account_id
where a.status <> 'disabled';
