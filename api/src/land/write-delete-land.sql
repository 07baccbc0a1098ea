-- $1 ref, $2 expected version: deletes the parcel only if nobody changed it since it was read
delete from land_parcels where ref = $1 and version = $2 returning id;
