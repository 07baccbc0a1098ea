-- $1 area ref
select 1 from areas where ref = $1;
