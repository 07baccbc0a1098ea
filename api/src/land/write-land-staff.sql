-- $1 ref: the staff-only fields of a parcel (the party a reservation is for).
select reserved_for as "reservedFor", area_ref_derived as "areaRefDerived" from land_parcels where ref = $1;
