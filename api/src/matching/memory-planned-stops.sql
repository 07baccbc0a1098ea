-- $1 site kind, $2 site ids, $3 modes, $4 neededBy's year. Per site and requested mode, the
-- nearest planned stop that opens by that year: for the sites where the index's nearest
-- planned stop opens later and may hide it. One KNN per mode on that mode's partial index of
-- planned stops (0070), so no lookup walks past the stops of other modes. With the index
-- revision the answer belongs to (none when no site has such a stop: the caller checks it
-- with the candidates' revision).
select (select revision::text from match_index_state) as revision, x.site_id, k.mode, k.stop_id, k.distance
from match_sites($1::text, $2::int[]) x
cross join lateral (
  (select 'commuter_rail'::text as mode, s.id as stop_id, ST_Distance(s.geom, x.geom) as distance from stops s
    where 'commuter_rail' = any ($3::text[]) and s.mode = 'commuter_rail' and s.planned and s.opening_year <= $4::int
    order by s.geom <-> x.geom limit 1)
  union all
  (select 'metro', s.id, ST_Distance(s.geom, x.geom) from stops s
    where 'metro' = any ($3::text[]) and s.mode = 'metro' and s.planned and s.opening_year <= $4::int
    order by s.geom <-> x.geom limit 1)
  union all
  (select 'tram', s.id, ST_Distance(s.geom, x.geom) from stops s
    where 'tram' = any ($3::text[]) and s.mode = 'tram' and s.planned and s.opening_year <= $4::int
    order by s.geom <-> x.geom limit 1)
  union all
  (select 'bus', s.id, ST_Distance(s.geom, x.geom) from stops s
    where 'bus' = any ($3::text[]) and s.mode = 'bus' and s.planned and s.opening_year <= $4::int
    order by s.geom <-> x.geom limit 1)
) k;
