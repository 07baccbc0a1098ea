-- Every change made through the write API: who, when, what, before and after (issue 5).
-- Append-only: rows are never updated; the actor's e-mail is copied so the trail survives
-- the account's deletion.
create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  account_id integer references accounts (id) on delete set null,
  account_email text,
  entity text not null,
  entity_ref text not null,
  action text not null,
  before jsonb,
  after jsonb
);
create index audit_log_entity_idx on audit_log (entity, entity_ref, at desc);
create index audit_log_at_idx on audit_log (at desc);
