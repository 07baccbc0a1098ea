-- $1 case id: the current stage and version, row locked until the transaction ends
select stage, version from cases where id = $1 for update;
