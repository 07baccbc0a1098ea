-- $1 from date or null, $2 to date or null: saved requests per month, use and named area
-- (areaRef null when the request named no area; a request naming two areas counts in both).
select to_char(r.created_at at time zone 'Europe/Stockholm', 'YYYY-MM') as month,
       r.criteria ->> 'use' as use,
       a.area_ref as "areaRef",
       count(*)::int as requests
from match_requests r
left join lateral (
  select jsonb_array_elements_text(case when jsonb_typeof(r.criteria -> 'areas') = 'array' then r.criteria -> 'areas' end) as area_ref
) a on true
where ($1::date is null or (r.created_at at time zone 'Europe/Stockholm')::date >= $1::date)
  and ($2::date is null or (r.created_at at time zone 'Europe/Stockholm')::date <= $2::date)
group by 1, 2, 3
order by 1, 2, 3 nulls first;
