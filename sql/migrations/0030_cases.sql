-- Establishment cases (etableringsärenden): the business unit's process from first contact
-- to follow-up (docs/design.md, Cases and KPIs). Contact fields are personal data: staff only,
-- never in a pitch. Account ids are plain integers, not foreign keys, so a case keeps its
-- history when an account is removed (and this migration does not depend on the accounts one).

create table cases (
  id serial primary key,
  company_name text not null check (company_name <> ''),
  org_number text,
  sector text,
  jobs_expected integer check (jobs_expected >= 0),
  contact_name text,
  contact_email text,
  contact_phone text,
  summary text,
  stage text not null default 'first_contact' check (stage in (
    'first_contact', 'needs_analysis', 'site_proposals', 'site_visit', 'negotiation', 'decision',
    'established', 'lost', 'follow_up')),
  -- established | lost once decided; kept through follow_up so KPIs know how it ended
  outcome text check (outcome in ('established', 'lost')),
  lost_reason text check (lost_reason in (
    'no_suitable_site', 'price', 'timing', 'chose_other_location', 'project_cancelled', 'other')),
  satisfaction_score integer check (satisfaction_score between 1 and 10),
  officer_id integer,
  source text not null default 'staff' check (source in ('staff', 'intake')),
  closed_at timestamptz,
  created_by integer,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint lost_has_reason check (outcome is distinct from 'lost' or lost_reason is not null)
);
create index cases_stage_idx on cases (stage);
create trigger cases_touch before update on cases for each row execute function touch_row();

-- A case can carry several saved requirements (match_requests).
create table case_requests (
  case_id integer not null references cases (id) on delete cascade,
  request_id integer not null references match_requests (id) on delete cascade,
  linked_at timestamptz not null default now(),
  primary key (case_id, request_id)
);

-- Sites proposed to the company and its response to each.
create table case_sites (
  id serial primary key,
  case_id integer not null references cases (id) on delete cascade,
  site_kind text not null check (site_kind in ('land', 'premises')),
  site_ref text not null check (site_ref <> ''),
  response text not null default 'pending' check (response in ('pending', 'interested', 'not_interested', 'visited')),
  proposed_at timestamptz not null,
  responded_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (case_id, site_kind, site_ref)
);
create trigger case_sites_touch before update on case_sites for each row execute function touch_row();

-- The timeline. occurred_at is when it happened (may be back-registered, never future);
-- recorded_at/recorded_by say who wrote it down and when. Append-only.
create table case_events (
  id serial primary key,
  case_id integer not null references cases (id) on delete cascade,
  kind text not null check (kind in ('note', 'call', 'meeting', 'stage_change', 'site_proposed', 'site_response')),
  occurred_at timestamptz not null,
  recorded_at timestamptz not null default now(),
  recorded_by integer,
  body text,
  from_stage text,
  to_stage text,
  site_kind text check (site_kind in ('land', 'premises')),
  site_ref text,
  response text,
  constraint stage_change_has_stage check (kind <> 'stage_change' or to_stage is not null),
  constraint site_event_has_site check (kind not in ('site_proposed', 'site_response') or site_ref is not null)
);
create index case_events_case_idx on case_events (case_id, occurred_at, id);

-- The process bank: checklist items per stage, edited by admin.
create table checklist_items (
  id serial primary key,
  stage text not null check (stage in (
    'first_contact', 'needs_analysis', 'site_proposals', 'site_visit', 'negotiation', 'decision',
    'established', 'lost', 'follow_up')),
  position integer not null default 0,
  label_sv text not null check (label_sv <> ''),
  label_en text not null check (label_en <> ''),
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger checklist_items_touch before update on checklist_items for each row execute function touch_row();

-- Which bank items a case has ticked.
create table case_checklist (
  case_id integer not null references cases (id) on delete cascade,
  item_id integer not null references checklist_items (id) on delete cascade,
  done_at timestamptz not null default now(),
  done_by integer,
  primary key (case_id, item_id)
);

insert into checklist_items (stage, position, label_sv, label_en) values
  ('first_contact', 1, 'Registrera företag och kontaktperson', 'Register company and contact person'),
  ('first_contact', 2, 'Utse handläggare', 'Assign an officer'),
  ('needs_analysis', 1, 'Spara kravprofil (yta, användning, läge, tid)', 'Save the requirement profile (size, use, location, timing)'),
  ('needs_analysis', 2, 'Uppskatta antal arbetstillfällen', 'Estimate the number of jobs'),
  ('site_proposals', 1, 'Kör matchning och välj platser', 'Run matching and pick sites'),
  ('site_proposals', 2, 'Skicka pitchlänk till företaget', 'Send the pitch link to the company'),
  ('site_visit', 1, 'Boka platsbesök', 'Book site visits'),
  ('site_visit', 2, 'Notera företagets svar per plats', 'Record the company''s response per site'),
  ('negotiation', 1, 'Stäm av markanvisning eller hyresvillkor', 'Agree land allocation or lease terms'),
  ('negotiation', 2, 'Stäm av planfrågor med samhällsbyggnad', 'Check plan questions with urban planning'),
  ('decision', 1, 'Företagets beslut registrerat', 'Company decision recorded'),
  ('established', 1, 'Be om nöjdhetsbetyg (1–10)', 'Ask for a satisfaction score (1–10)'),
  ('lost', 1, 'Registrera orsak', 'Record the reason'),
  ('follow_up', 1, 'Uppföljningsmöte efter etablering', 'Follow-up meeting after establishment');

-- Investor pitch links: an unguessable token gives read-only access to the chosen sites.
create table pitch_links (
  id serial primary key,
  case_id integer not null references cases (id) on delete cascade,
  token text not null unique check (length(token) >= 32),
  -- [{ "kind": "land"|"premises", "ref": "..." }, ...] in the order chosen
  sites jsonb not null check (jsonb_typeof(sites) = 'array' and jsonb_array_length(sites) > 0),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  views integer not null default 0,
  last_viewed_at timestamptz,
  created_by integer,
  created_at timestamptz not null default now()
);
create index pitch_links_case_idx on pitch_links (case_id);
