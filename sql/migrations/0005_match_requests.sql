-- Saved establishment requests (etableringsförfrågningar): a company's requirement that
-- can be matched again on current data. Contact fields are personal data: staff only.
create table match_requests (
  id serial primary key,
  company_name text not null check (company_name <> ''),
  contact_name text,
  contact_email text,
  contact_phone text,
  sector text,
  jobs_expected integer check (jobs_expected >= 0),
  notes text,
  -- the /api/match request body, as validated
  criteria jsonb not null check (jsonb_typeof(criteria) = 'object'),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index match_requests_created_at_idx on match_requests (created_at);
create trigger match_requests_touch before update on match_requests for each row execute function touch_row();
