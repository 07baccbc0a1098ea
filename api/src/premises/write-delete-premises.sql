-- $1 ref, $2 expected version: deletes the listing only if nobody changed it since it was read
delete from premises where ref = $1 and version = $2 returning id;
