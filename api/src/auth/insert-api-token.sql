-- $1 account id, $2 name, $3 token hash, $4 lifetime in days (null: no expiry)
insert into api_tokens (account_id, name, token_hash, expires_at)
values ($1, $2, $3, case when $4::int is null then null else now() + make_interval(days => $4::int) end)
returning id, name, created_at as "createdAt", expires_at as "expiresAt";
