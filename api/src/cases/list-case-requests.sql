-- $1 case id: ids of its saved requests, in the order linked
select request_id as "requestId" from case_requests where case_id = $1 order by linked_at, request_id;
