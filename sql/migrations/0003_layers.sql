-- The five data layers of docs/design.md plus municipal boundaries, stored in SWEREF 99 TM.
-- Geometry must be valid and non-empty: the database is the last line of defence behind
-- the loader's and the API's own checks, never a place where geometry gets repaired.

create table municipalities (
  id serial primary key,
  ref text not null unique check (ref ~ '^[0-9]{4}$'),
  name text not null,
  neighbours text[] not null default '{}',
  relation text not null default 'other' check (relation in ('focus', 'neighbour', 'other')),
  source text,
  geom geometry(Geometry, 3006) not null
    check (GeometryType(geom) in ('POLYGON', 'MULTIPOLYGON') and ST_IsValid(geom) and not ST_IsEmpty(geom)),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table areas (
  id serial primary key,
  ref text not null unique check (ref ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (name <> ''),
  municipality_code text not null default '0126' check (municipality_code ~ '^[0-9]{4}$'),
  profile text,
  facts jsonb check (facts is null or jsonb_typeof(facts) = 'object'),
  illustrative boolean not null default false,
  source text,
  geom geometry(Geometry, 3006) not null
    check (GeometryType(geom) in ('POLYGON', 'MULTIPOLYGON') and ST_IsValid(geom) and not ST_IsEmpty(geom)),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table land_parcels (
  id serial primary key,
  ref text not null unique check (ref <> ''),
  owner_type text not null check (owner_type in ('municipal', 'private', 'state', 'other')),
  owner_name text,
  status text not null check (status in ('available', 'reserved', 'sold', 'not_for_sale')),
  price_sek_per_m2 numeric check (price_sek_per_m2 >= 0),
  area_ref text references areas (ref) on update cascade on delete set null,
  -- true when area_ref came from the overlay with areas rather than from the data
  area_ref_derived boolean not null default false,
  illustrative boolean not null default false,
  source text,
  geom geometry(Geometry, 3006) not null
    check (GeometryType(geom) in ('POLYGON', 'MULTIPOLYGON') and ST_IsValid(geom) and not ST_IsEmpty(geom)),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table plans (
  id serial primary key,
  plan_id text not null unique check (plan_id <> ''),
  name text not null,
  status text not null
    check (status in ('programme', 'consultation', 'review', 'adopted', 'in_force', 'cancelled')),
  legal_force_date date,
  expected_legal_force_date date,
  implementation_end_date date,
  -- when the plan entered its current status (pipeline: plans stuck in one status)
  status_changed_at date,
  illustrative boolean not null default false,
  source text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint in_force_has_legal_force_date check (status <> 'in_force' or legal_force_date is not null)
);

create table plan_zones (
  id serial primary key,
  ref text not null unique check (ref <> ''),
  plan_id text not null references plans (plan_id) on update cascade on delete cascade,
  -- Boverket kvartersmark codes, a letter with an optional variant number (J, J1, Z2)
  use_codes text[] not null
    check (cardinality(use_codes) > 0 and array_to_string(use_codes, ',') ~ '^[A-Z][0-9]*(,[A-Z][0-9]*)*$'),
  max_gross_floor_area_m2 numeric check (max_gross_floor_area_m2 > 0),
  max_height_m numeric check (max_height_m > 0),
  illustrative boolean not null default false,
  source text,
  geom geometry(Geometry, 3006) not null
    check (GeometryType(geom) in ('POLYGON', 'MULTIPOLYGON') and ST_IsValid(geom) and not ST_IsEmpty(geom)),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table premises (
  id serial primary key,
  ref text not null unique check (ref <> ''),
  title text not null check (title <> ''),
  kind text not null check (kind in ('office', 'retail', 'industry', 'warehouse', 'lab')),
  floor_area_m2 numeric not null check (floor_area_m2 > 0),
  rent_sek_per_m2_year numeric check (rent_sek_per_m2_year >= 0),
  available_from date,
  status text not null check (status in ('available', 'let', 'withdrawn')),
  address text,
  -- last time the owner (or staff) confirmed the listing; old listings go stale
  confirmed_at timestamptz not null default now(),
  illustrative boolean not null default false,
  source text,
  geom geometry(Geometry, 3006) not null
    check (GeometryType(geom) in ('POINT', 'POLYGON', 'MULTIPOLYGON') and ST_IsValid(geom) and not ST_IsEmpty(geom)),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table stops (
  id serial primary key,
  ref text not null unique check (ref <> ''),
  name text not null,
  mode text not null check (mode in ('commuter_rail', 'metro', 'tram', 'bus')),
  planned boolean not null default false,
  opening_year integer check (opening_year between 1850 and 2200),
  source_id text,
  municipality_code text check (municipality_code ~ '^[0-9]{4}$'),
  illustrative boolean not null default false,
  source text,
  geom geometry(Point, 3006) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom)),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index municipalities_geom_idx on municipalities using gist (geom);
create index areas_geom_idx on areas using gist (geom);
create index land_parcels_geom_idx on land_parcels using gist (geom);
create index land_parcels_area_ref_idx on land_parcels (area_ref);
create index land_parcels_status_idx on land_parcels (status);
create index plans_status_idx on plans (status);
create index plan_zones_geom_idx on plan_zones using gist (geom);
create index plan_zones_plan_id_idx on plan_zones (plan_id);
create index premises_geom_idx on premises using gist (geom);
create index premises_status_kind_idx on premises (status, kind);
create index stops_geom_idx on stops using gist (geom);
create index stops_mode_idx on stops (mode);

create trigger municipalities_touch before update on municipalities for each row execute function touch_row();
create trigger areas_touch before update on areas for each row execute function touch_row();
create trigger land_parcels_touch before update on land_parcels for each row execute function touch_row();
create trigger plans_touch before update on plans for each row execute function touch_row();
create trigger plan_zones_touch before update on plan_zones for each row execute function touch_row();
create trigger premises_touch before update on premises for each row execute function touch_row();
create trigger stops_touch before update on stops for each row execute function touch_row();
