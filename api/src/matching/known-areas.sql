-- $1 area refs: those that exist
select ref from areas where ref = any ($1::text[]);
