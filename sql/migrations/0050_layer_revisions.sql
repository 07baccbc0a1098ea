-- A revision per map layer, bumped by statement-level triggers on every table the layer's
-- tiles are made from. Tile ETags are derived from it, so an edit is never hidden behind a
-- cached tile, and checking freshness costs one primary-key read instead of a render.
create table layer_revisions (
  layer text primary key check (layer in ('municipalities', 'areas', 'land', 'plans', 'premises', 'stops')),
  revision bigint not null default 1,
  changed_at timestamptz not null default clock_timestamp()
);

insert into layer_revisions (layer) values
  ('municipalities'), ('areas'), ('land'), ('plans'), ('premises'), ('stops');

-- TG_ARGV: the layers the changed table feeds. Statement level: a bulk load bumps once.
create or replace function bump_layer_revision() returns trigger language plpgsql as $$
begin
  update layer_revisions
     set revision = revision + 1, changed_at = clock_timestamp()
   where layer = any (TG_ARGV);
  return null;
end $$;

create trigger municipalities_layer_revision after insert or update or delete or truncate on municipalities
  for each statement execute function bump_layer_revision('municipalities');
create trigger areas_layer_revision after insert or update or delete or truncate on areas
  for each statement execute function bump_layer_revision('areas');
create trigger land_parcels_layer_revision after insert or update or delete or truncate on land_parcels
  for each statement execute function bump_layer_revision('land');
-- A plan tile shows the zone and its plan's status and dates, and the use codes' colours.
create trigger plans_layer_revision after insert or update or delete or truncate on plans
  for each statement execute function bump_layer_revision('plans');
create trigger plan_zones_layer_revision after insert or update or delete or truncate on plan_zones
  for each statement execute function bump_layer_revision('plans');
create trigger use_codes_layer_revision after insert or update or delete or truncate on use_codes
  for each statement execute function bump_layer_revision('plans');
create trigger premises_layer_revision after insert or update or delete or truncate on premises
  for each statement execute function bump_layer_revision('premises');
create trigger stops_layer_revision after insert or update or delete or truncate on stops
  for each statement execute function bump_layer_revision('stops');
