-- $1 site kind, $2 site ids, $3 modes, $4 includePlanned, $5 neededBy, $6 minDeparturesPerHour.
-- Rule 3 by KNN for the sites the index cannot answer (a frequency bound, or a nearer planned
-- stop hiding one that counts), with the index revision the answer belongs to.
select (select revision::text from match_index_state) as revision, x.site_id, n.id as stop_id, n.distance
from (
  select g.id as site_id, g.geom from land_parcels g where $1::text = 'land' and g.id = any ($2::int[])
  union all
  select g.id, g.geom from premises g where $1::text = 'premises' and g.id = any ($2::int[])
) x
left join lateral nearest_stop_with(x.geom, $3::text[], $4::boolean, $5::date, $6::float8) n on true;
