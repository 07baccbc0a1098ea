-- $1 email (lower-case), $2 name, $3 role, $4 password hash, $5 status, $6 organisation, $7 phone
insert into accounts (email, name, role, password_hash, status, organisation, phone)
values ($1, $2, $3, $4, $5, $6, $7)
on conflict (email) do nothing
returning id, email, name, role, status, organisation, phone, version, created_at as "createdAt", approved_at as "approvedAt";
