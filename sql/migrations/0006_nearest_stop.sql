-- Rule 3 of matching (docs/design.md): the nearest stop of the given modes to a site, by
-- straight-line distance in metres from the site's nearest point. A planned stop counts
-- when p_include_planned, or when it opens no later than the year of p_needed_by.
-- KNN (<->) over the GiST index of stops; a null geometry finds nothing, so callers can
-- skip sites that are already out at no cost.
create or replace function nearest_stop(p_geom geometry, p_modes text[], p_include_planned boolean, p_needed_by date)
returns table (ref text, name text, mode text, planned boolean, opening_year integer, distance double precision)
language sql stable parallel safe as $$
  select s.ref, s.name, s.mode, s.planned, s.opening_year, ST_Distance(s.geom, p_geom)
  from stops s
  where p_geom is not null
    and s.mode = any (p_modes)
    and (not s.planned or p_include_planned or s.opening_year <= extract(year from p_needed_by))
  order by s.geom <-> p_geom
  limit 1
$$;
