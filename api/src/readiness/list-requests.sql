-- Saved establishment requests, oldest first: only what unmet demand needs (no contact data).
-- $1 use, $2 area ref (null: any): a request counts for an area when it names it.
select id, criteria
from match_requests
where ($1::text is null or criteria ->> 'use' = $1)
  and ($2::text is null or criteria -> 'areas' ? $2)
order by id;
