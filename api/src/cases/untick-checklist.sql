-- $1 case, $2 item
delete from case_checklist where case_id = $1 and item_id = $2;
