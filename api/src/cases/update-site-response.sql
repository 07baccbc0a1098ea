-- $1 case, $2 site id, $3 response, $4 responded_at
update case_sites set response = $3, responded_at = $4
where case_id = $1 and id = $2
returning site_kind as kind, site_ref as ref;
