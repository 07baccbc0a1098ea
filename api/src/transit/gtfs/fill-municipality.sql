-- After a GTFS import: the stops it wrote (load_touched) that have no municipality code
-- get the one of the municipality they lie in (the feed does not carry it).
update stops s
set municipality_code = m.ref
from load_touched t, municipalities m
where s.ref = t.ref and s.municipality_code is null and ST_Contains(m.geom, s.geom);
