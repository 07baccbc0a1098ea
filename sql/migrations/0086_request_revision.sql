-- A revision of the saved requests (and of the use table the matching reads), bumped by a statement-level trigger on every change of
-- match_requests, so the unmet-demand answer can be cached per (layer revisions, request
-- revision, day) and recomputed only when one of them moves (issue 13, defect 5).
create table if not exists data_revisions (
  name text primary key,
  revision bigint not null default 1,
  changed_at timestamptz not null default clock_timestamp()
);
insert into data_revisions (name) values ('match_requests'), ('match_uses') on conflict (name) do nothing;

create or replace function bump_data_revision() returns trigger language plpgsql as $$
begin
  update data_revisions set revision = revision + 1, changed_at = clock_timestamp() where name = any (TG_ARGV);
  return null;
end $$;

drop trigger if exists match_requests_data_revision on match_requests;
create trigger match_requests_data_revision after insert or update or delete or truncate on match_requests
  for each statement execute function bump_data_revision('match_requests');
-- The use -> plan codes / premises kinds table changes what every match finds.
drop trigger if exists match_uses_data_revision on match_uses;
create trigger match_uses_data_revision after insert or update or delete or truncate on match_uses
  for each statement execute function bump_data_revision('match_uses');
