-- Rule 1 of matching (use_overlay) for every available parcel and use, summed by the
-- parcel's area, the use and the year its in-progress land is expected ('unknown' when
-- rule 1's ready date is null). The ready part is summed in the same groups; callers add
-- the years up. $1 municipality code, $2 use or null (all uses).
select lp.area_ref as "areaRef",
       (lp.area_ref is null or a.municipality_code = $1) as "inMunicipality",
       u.use,
       coalesce(extract(year from o.ready_date)::int::text, 'unknown') as year,
       sum(o.ready_m2)::float8 as "readyM2",
       sum(o.progress_m2 - o.ready_m2)::float8 as "inProgressM2"
from land_parcels lp
left join areas a on a.ref = lp.area_ref
cross join match_uses u
cross join lateral use_overlay(lp.geom, u.plan_codes) o
where lp.status = 'available'
  and ($2::text is null or u.use = $2)
  and o.touched
group by 1, 2, 3, 4;
