-- $1 parcel ids (null: every parcel). Rules 2 and 4's inputs per parcel, from the matching index.
select parcel_id, available, price, area_ref, area_hits
from match_land_site
where $1::int[] is null or parcel_id = any ($1::int[]);
