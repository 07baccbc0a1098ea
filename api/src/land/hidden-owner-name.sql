-- $1 parcel ref: true when it has an owner name that visible_owner_name hides from readers.
select owner_name is not null and visible_owner_name(owner_type, owner_name) is null as hidden
from land_parcels where ref = $1;
