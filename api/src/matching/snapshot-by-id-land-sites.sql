-- $1 parcel ids: their rule 2 and 4 inputs (0090's view).
select * from match_snapshot_land_sites where parcel_id = any ($1::int[]);
