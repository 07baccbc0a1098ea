-- $1 parcel refs: their owners' names, for staff readers (the public list hides private ones).
select ref, owner_name as "ownerName" from land_parcels where ref = any ($1::text[]) and owner_name is not null;
