-- $1 account id: every live API token of the account stops working now.
update api_tokens set revoked_at = now() where account_id = $1 and revoked_at is null;
