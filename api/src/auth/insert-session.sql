-- $1 token hash, $2 account id, $3 lifetime in seconds. Expired sessions are swept here.
with swept as (delete from sessions where expires_at < now())
insert into sessions (token_hash, account_id, expires_at)
values ($1, $2, now() + make_interval(secs => $3::int))
returning expires_at as "expiresAt";
