-- $1 ref: whether a parcel has it
select exists (select 1 from land_parcels where ref = $1) as found;
