select count(*)::int as n from accounts where role = 'admin' and status = 'active';
