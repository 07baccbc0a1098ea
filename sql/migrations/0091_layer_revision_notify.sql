-- Tile revalidation without a database read per request (issue 11): each API process keeps
-- the layer revisions in memory and LISTENs on 'layer_revisions'; this trigger tells every
-- listener, at commit, that a revision changed, whoever wrote it (the API, gis:load, psql).
-- Statement level and without payload: a bulk load notifies once per statement, and
-- PostgreSQL folds identical notifications of one transaction into one. NOTIFY is not
-- replayed on a hot-standby replica, so a process whose tiles read a replica does not cache
-- (api/src/tiles/revision-cache.ts).
create or replace function notify_layer_revision() returns trigger language plpgsql as $$
begin
  perform pg_notify('layer_revisions', '');
  return null;
end $$;

create trigger layer_revisions_notify after insert or update or delete or truncate on layer_revisions
  for each statement execute function notify_layer_revision();
