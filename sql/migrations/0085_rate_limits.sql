-- Rate-limit counters shared by every instance of the service (issue 13, defect 9): the
-- layout rate-limiter-flexible's RateLimiterPostgres expects (key, points, expire in epoch
-- ms). Keys are '<limit>:<sha-256 of address or account>', so no address or e-mail is stored.
create table if not exists rate_limits (
  key varchar(255) primary key,
  points integer not null default 0,
  expire bigint
);
create index if not exists rate_limits_expire_idx on rate_limits (expire);
