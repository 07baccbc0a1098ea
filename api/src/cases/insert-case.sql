-- $1 company, $2 org no, $3 sector, $4 jobs, $5 contact name, $6 email, $7 phone, $8 summary,
-- $9 officer, $10 source, $11 created_by, $12 investment (MSEK)
insert into cases (company_name, org_number, sector, jobs_expected, contact_name, contact_email, contact_phone,
                   summary, officer_id, source, created_by, investment_msek)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
returning id;
