-- $1 parcel ids: their rule 1 and 6 inputs per use (0090's view).
select * from match_snapshot_land_uses where parcel_id = any ($1::int[]);
