-- Accounts, sign-in sessions and API tokens (issue 5). Secrets are never stored: sessions
-- and API tokens keep only the SHA-256 of a random token, passwords only an argon2 hash.
create table accounts (
  id serial primary key,
  -- stored lower-case, so uniqueness is case-insensitive
  email text not null unique check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+$'),
  name text not null check (name <> ''),
  role text not null check (role in ('admin', 'business', 'planner', 'owner')),
  password_hash text not null,
  -- owners sign up as pending and are approved by the business unit before they publish
  status text not null default 'pending' check (status in ('pending', 'active', 'disabled')),
  organisation text,
  phone text,
  approved_by integer references accounts (id) on delete set null,
  approved_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index accounts_role_status_idx on accounts (role, status);
create trigger accounts_touch before update on accounts for each row execute function touch_row();

create table sessions (
  token_hash text primary key,
  account_id integer not null references accounts (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_account_idx on sessions (account_id);
create index sessions_expires_idx on sessions (expires_at);

create table api_tokens (
  id serial primary key,
  account_id integer not null references accounts (id) on delete cascade,
  name text not null check (name <> ''),
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_account_idx on api_tokens (account_id);

-- The owner who keeps a listing current; null for listings loaded from files or by staff.
alter table premises add column owner_account_id integer references accounts (id) on delete set null;
create index premises_owner_idx on premises (owner_account_id);
