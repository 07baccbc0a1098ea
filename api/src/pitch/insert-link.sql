-- $1 case, $2 token, $3 sites jsonb, $4 expires_at, $5 created_by, $6 use or null
insert into pitch_links (case_id, token, sites, expires_at, created_by, use)
values ($1, $2, $3::jsonb, $4, $5, $6)
returning id;
