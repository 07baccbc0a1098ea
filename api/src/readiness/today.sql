-- The database's today, the reference date of the pipeline's flags.
select to_char(current_date, 'YYYY-MM-DD') as today;
