-- Refreshes, set-based, everything in the matching index that depends on the rows of layer $1
-- named by the refs $2 (sql/migrations/0070).
select refresh_match_index_for($1, $2);
