-- $1 site kind, $2 use, $3 requested areas, $4 site ids, $5 ready flags (land), $6 stop ids, $7 distances,
-- $8 full (false: without zoning and geometry).
-- The chosen candidates as the match returns them, with the index revision they were read at.
select (select revision::text from match_index_state) as revision,
       coalesce(json_agg(case when $1::text = 'land'
                              then match_land_candidate($2::text, $3::text[], x.id, x.ready, x.stop_id, x.distance, $8::boolean)
                              else match_premises_candidate($3::text[], x.id, x.stop_id, x.distance, $8::boolean) end), '[]') as results
from unnest($4::int[], $5::boolean[], $6::int[], $7::float8[]) x(id, ready, stop_id, distance);
