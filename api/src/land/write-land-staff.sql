-- $1 ref: the staff-only fields of a parcel (the party a reservation is for, the owner's name
-- also when it is a private owner's).
select reserved_for as "reservedFor", area_ref_derived as "areaRefDerived", owner_name as "ownerName" from land_parcels where ref = $1;
