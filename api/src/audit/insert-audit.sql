-- $1 account id, $2 account e-mail, $3 entity, $4 entity ref, $5 action, $6 before (json), $7 after (json)
insert into audit_log (account_id, account_email, entity, entity_ref, action, before, after)
values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb);
