-- Saved establishment requests, oldest first: only what unmet demand needs (no contact data).
select id, criteria from match_requests order by id;
