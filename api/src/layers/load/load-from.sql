-- $1 feature index: check-staged.sql and the view load_rows read the staged rows from it on
-- (a load in parts checks and merges each part once; see loader.ts). Until the transaction ends.
select set_config('etablera.load_from', $1::int::text, true);
