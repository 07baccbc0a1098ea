-- $1 revision: the sites changed after it, per kind; a null site_id means "read the kind again".
select distinct site_kind, site_id from match_index_change where revision > $1::bigint;
