-- $1 premises ids: their rule 2 and 4 inputs (0090's view).
select * from match_snapshot_premises where id = any ($1::int[]);
