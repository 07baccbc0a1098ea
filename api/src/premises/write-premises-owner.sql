-- $1 ref (null: every listing of $2), $2 owner account (null: any)
select ref, owner_account_id as "ownerAccountId", version
from premises
where ($1::text is null or ref = $1) and ($2::int is null or owner_account_id = $2)
order by ref;
