-- $1 ref: the owner says the listing is still current.
update premises set confirmed_at = now() where ref = $1 returning version;
