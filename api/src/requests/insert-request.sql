-- $1 company, $2 contact name, $3 e-mail, $4 phone, $5 sector, $6 jobs, $7 notes, $8 criteria (json)
insert into match_requests (company_name, contact_name, contact_email, contact_phone, sector, jobs_expected, notes, criteria)
values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
returning id;
