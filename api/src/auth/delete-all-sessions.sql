-- $1 account id: every session of the account ends.
delete from sessions where account_id = $1;
