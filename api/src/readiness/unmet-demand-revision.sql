-- Everything the unmet-demand answer depends on, as one string: the revision of every map
-- layer (bumped by triggers, migration 0050), of the saved requests and the use table
-- (migration 0086), and today's date (readiness dates and stale premises move with it).
select coalesce((select string_agg(layer || ':' || revision, ',' order by layer) from layer_revisions), '')
       || '|' || coalesce((select string_agg(name || ':' || revision, ',' order by name) from data_revisions), '')
       || '|' || to_char(current_date, 'YYYY-MM-DD') as revision;
