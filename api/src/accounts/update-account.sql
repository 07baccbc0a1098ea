-- $1 id, $2 expected version (null: any), $3 name, $4 role, $5 status (each null: unchanged),
-- $6 whether to set organisation, $7 organisation, $8 whether to set phone, $9 phone,
-- $10 password hash (null: unchanged), $11 the approving account (recorded when status becomes active)
update accounts set
  name = coalesce($3, name),
  role = coalesce($4, role),
  status = coalesce($5, status),
  organisation = case when $6::boolean then $7 else organisation end,
  phone = case when $8::boolean then $9 else phone end,
  password_hash = coalesce($10, password_hash),
  approved_by = case when $5 = 'active' and status <> 'active' then $11 else approved_by end,
  approved_at = case when $5 = 'active' and status <> 'active' then now() else approved_at end
where id = $1 and ($2::int is null or version = $2)
returning id, email, name, role, status, organisation, phone, version, created_at as "createdAt", approved_at as "approvedAt";
