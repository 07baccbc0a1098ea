-- $1 case id, $2 link id: revoking twice keeps the first time
update pitch_links set revoked_at = coalesce(revoked_at, now())
where case_id = $1 and id = $2
returning id;
