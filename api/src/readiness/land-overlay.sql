-- Rule 1 of matching for every available parcel and use, read from the matching index
-- (match_land_use holds use_overlay()'s figures per available parcel and use it touches, so
-- readiness and matching always agree), summed by the parcel's area, the use and the year its
-- in-progress land is expected ('unknown' when rule 1's ready date is null). The ready part is
-- summed in the same groups; callers add the years up. Rule 6 over the ready overlay:
-- the known gross floor area, and the ready m² whose building right is unknown.
-- $1 municipality code, $2 use or null (all uses).
select s.area_ref as "areaRef",
       (s.area_ref is null or a.municipality_code = $1) as "inMunicipality",
       u.use,
       coalesce(extract(year from u.ready_date)::int::text, 'unknown') as year,
       sum(u.ready_m2)::float8 as "readyM2",
       sum(u.progress_m2 - u.ready_m2)::float8 as "inProgressM2",
       coalesce(sum(u.ready_gfa_m2), 0)::float8 as "buildableM2",
       coalesce(sum(u.ready_m2) filter (where u.ready_gfa_m2 is null), 0)::float8 as "rightUnknownM2"
from match_land_use u
join match_land_site s on s.parcel_id = u.parcel_id and s.available
left join areas a on a.ref = s.area_ref
where ($2::text is null or u.use = $2)
group by 1, 2, 3, 4;
