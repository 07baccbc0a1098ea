-- $1 account id
select id, name, created_at as "createdAt", expires_at as "expiresAt", last_used_at as "lastUsedAt", revoked_at as "revokedAt"
from api_tokens where account_id = $1 order by created_at desc, id desc;
