-- $1 site kind, $2 use, $3 requested areas, $4 site ids, $5 ready flags (land), $6 stop ids, $7 distances,
-- $8 full (false: without zoning and geometry).
-- The chosen candidates as the match returns them, with the index revision they were read at.
select (select revision::text from match_index_state) as revision,
       coalesce(case when $1::text = 'land'
                     then (select json_agg(c) from match_land_candidates($2::text, $3::text[], $4::int[], $5::boolean[], $6::int[], $7::float8[], $8::boolean) c)
                     else (select json_agg(c) from match_premises_candidates($3::text[], $4::int[], $6::int[], $7::float8[], $8::boolean) c) end,
                '[]') as results;
