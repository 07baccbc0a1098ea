-- $1 token id, $2 account id (own tokens only)
update api_tokens set revoked_at = now() where id = $1 and account_id = $2 and revoked_at is null returning id;
