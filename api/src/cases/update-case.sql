-- $1 id, $2 expected version, $3.. the case's editable fields (the service merges the patch)
update cases set company_name = $3, org_number = $4, sector = $5, jobs_expected = $6, contact_name = $7,
                 contact_email = $8, contact_phone = $9, summary = $10, officer_id = $11,
                 investment_msek = $12
where id = $1 and version = $2
returning version;
