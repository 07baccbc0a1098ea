-- $1 area refs: those among them that name an area.
select ref from areas where ref = any ($1::text[]);
