-- Everything unmet demand depends on, as one string: the map layers' revisions (bumped by
-- statement-level triggers on every write, migration 0050), the saved requests (count, ids,
-- last change), the use table and the database's date (staleness and "today" scores); the
-- database's name, since one process may serve several (tests).
select current_database() || '|' || (select string_agg(layer || ':' || revision, ',' order by layer) from layer_revisions)
       || '|' || (select count(*) || ':' || coalesce(sum(id), 0) || ':' || coalesce(max(updated_at)::text, '') from match_requests)
       || '|' || (select md5(string_agg(use || plan_codes::text || premises_kinds::text, ';' order by use)) from match_uses)
       || '|' || current_date::text as key;
