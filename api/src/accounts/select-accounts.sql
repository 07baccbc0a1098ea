-- $1 id (null: any), $2 email (null: any), $3 role, $4 status
select id, email, name, role, status, organisation, phone, version, created_at as "createdAt",
       approved_at as "approvedAt", password_hash as "passwordHash"
from accounts
where ($1::int is null or id = $1)
  and ($2::text is null or email = $2)
  and ($3::text is null or role = $3)
  and ($4::text is null or status = $4)
order by status = 'pending' desc, created_at desc, id desc;
