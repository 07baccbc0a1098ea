-- $1 case, $2 kind, $3 ref, $4 proposed_at
insert into case_sites (case_id, site_kind, site_ref, proposed_at)
values ($1, $2, $3, $4)
on conflict (case_id, site_kind, site_ref) do nothing
returning id;
