-- $1 site kind, $2 site ids (null: every site of the kind). Rule 3's nearest stop per mode, existing and planned.
select site_id, mode, planned, stop_id, distance, opening_year
from match_site_stop
where site_kind = $1::text and ($2::int[] is null or site_id = any ($2::int[]));
