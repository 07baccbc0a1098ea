-- $1 entity, $2 entity ref, $3 account id, $4 entries older than this id (paging), $5 limit
select id, at, account_id as "accountId", account_email as "accountEmail", entity, entity_ref as "ref",
       action, before, after
from audit_log
where ($1::text is null or entity = $1)
  and ($2::text is null or entity_ref = $2)
  and ($3::int is null or account_id = $3)
  and ($4::bigint is null or id < $4)
order by id desc
limit $5;
