-- $1 case, $2 saved request
insert into case_requests (case_id, request_id) values ($1, $2) on conflict do nothing;
