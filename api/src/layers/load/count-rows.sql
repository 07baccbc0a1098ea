-- How many features a grouped load merged (area parts of one property count once).
select count(*)::int as n from load_rows;
