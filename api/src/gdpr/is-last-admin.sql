-- $1 e-mail: true when that account is the only active admin (erasing it would lock everyone out).
select exists (select 1 from accounts where email = $1 and role = 'admin' and status = 'active')
   and (select count(*) from accounts where role = 'admin' and status = 'active') = 1 as last;
