-- PostGIS and the row-bookkeeping trigger every editable table uses.
create extension if not exists postgis;

-- Bumps updated_at and the optimistic-locking version on every update, so no write path
-- can forget to (the API's ETag is derived from version).
create or replace function touch_row() returns trigger language plpgsql as $$
begin
  new.updated_at := now();
  new.version := old.version + 1;
  return new;
end $$;
