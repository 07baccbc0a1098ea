-- Floor area of available, not stale premises whose kind serves a use, per area they lie
-- in (ST_Intersects, so a listing on two overlapping areas counts in both) and, with
-- "areaRef" null, for the municipality: listings in its areas or in no area, each once.
-- $1 stale-after days, $2 municipality code, $3 use or null.
with fit as (
  select p.id, u.use, p.kind, p.floor_area_m2, p.geom
  from premises p
  join match_uses u on p.kind = any (u.premises_kinds)
  where p.status = 'available'
    and p.confirmed_at >= now() - make_interval(days => $1::int)
    and ($3::text is null or u.use = $3)
)
select a.ref as "areaRef", f.use, f.kind, sum(f.floor_area_m2)::float8 as m2
from fit f
join areas a on a.geom && f.geom and ST_Intersects(a.geom, f.geom)
group by 1, 2, 3
union all
select null, f.use, f.kind, sum(f.floor_area_m2)::float8
from fit f
where exists (select 1 from areas a where a.municipality_code = $2 and ST_Intersects(a.geom, f.geom))
   or not exists (select 1 from areas a where ST_Intersects(a.geom, f.geom))
group by 2, 3;
