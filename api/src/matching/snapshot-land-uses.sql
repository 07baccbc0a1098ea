-- $1 parcel ids (null: every parcel). Rules 1 and 6's inputs per parcel and use; dates as days since 1970-01-01.
select use, parcel_id, ready_m2, progress_m2, ready_date - date '1970-01-01' as ready_day,
       ready_gfa_m2, ready_footprint_m2, progress_gfa_m2, progress_footprint_m2
from match_land_use
where $1::int[] is null or parcel_id = any ($1::int[]);
