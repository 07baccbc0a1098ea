-- $1 area ref: one row when the area exists.
select 1 from areas where ref = $1;
