-- $1 case, $2 item, $3 account
insert into case_checklist (case_id, item_id, done_by) values ($1, $2, $3) on conflict do nothing;
