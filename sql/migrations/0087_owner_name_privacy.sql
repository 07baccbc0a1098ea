-- Who may see a parcel owner's name (issue 13, defect 11): the name of a public owner
-- (municipality, state) is public; that of a private or other owner may be a private person
-- (the register does not tell a person from a company), so it is shown only to staff
-- (show_all). One rule for every reader: /api/land, tiles, OGC.
create or replace function visible_owner_name(owner_type text, owner_name text, show_all boolean default false)
returns text language sql immutable parallel safe as $$
  select case when show_all or owner_type in ('municipal', 'state') then owner_name end
$$;

-- Land tiles drawn before this rule carried private names: a new land revision changes every
-- land tile's ETag, so no client keeps such a tile on a 304.
update layer_revisions set revision = revision + 1, changed_at = clock_timestamp() where layer = 'land';
