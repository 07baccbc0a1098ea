-- $1 site kind, $2 site ids, $3 modes, $4 includePlanned, $5 neededBy, $6 minDeparturesPerHour.
-- Rule 3 by KNN for the sites the index cannot answer (a frequency bound: the index keeps no
-- nearest stop per frequency), with the index revision the answer belongs to.
select (select revision::text from match_index_state) as revision, x.site_id, n.id as stop_id, n.distance
from match_sites($1::text, $2::int[]) x
left join lateral nearest_stop_with(x.geom, $3::text[], $4::boolean, $5::date, $6::float8) n on true;
