-- $1 account id, $2 the session token hash to keep (null: none)
delete from sessions where account_id = $1 and token_hash is distinct from $2;
