-- $1 ref: whether a listing has it
select exists (select 1 from premises where ref = $1) as found;
