-- Rules 2, 3 and 4 of matching for premises listings, read from the matching index
-- (match_premises_site, match_site_stop) beside the listing's own columns, in EPSG:3006.
-- $1 use, $2 minAreaM2, $3 maxAreaM2 (null: none), $4 area refs (null: anywhere),
-- $5 neededBy (null: none), $6 station modes, $7 includePlanned, $8 maxDistanceToStationM (null: none),
-- $9 minDeparturesPerHour (null: none), $10 limit, $11 today, $12..$15 weights of transit,
-- size, readiness, price, $16 days after which an unconfirmed listing is stale (notAvailable).
-- One row: `excluded`, `cheapest`, `results` (see land-candidates.sql).
with base as (
  select p.id, p.ref, p.title, p.floor_area_m2::float8 as floor_area, p.rent_sek_per_m2_year::float8 as price,
         p.available_from, ps.area_hits, ps.plan_ids,
         case
           when p.status <> 'available' or p.confirmed_at < ($11::date - $16::int) then 'notAvailable'
           when $4::text[] is not null and not ps.area_hits && $4::text[] then 'outsideAreas'
           when not p.kind = any (mu.premises_kinds) then 'wrongUse'
           when p.floor_area_m2 < $2::float8 then 'tooSmall'
           when $3::float8 is not null and p.floor_area_m2 > $3::float8 then 'tooLarge'
           when $5::date is not null and p.available_from > $5::date then 'notReadyInTime'
         end as reason
  from premises p
  join match_premises_site ps on ps.premises_id = p.id
  cross join (select premises_kinds from match_uses where use = $1::text) mu
), passed as (
  select * from base where reason is null
), transit as (
  select b.*,
         case when h.hidden or $9::float8 is not null then k.id else t.stop_id end as stop_id,
         case when h.hidden or $9::float8 is not null then k.distance else t.distance end as distance
  from passed b
  left join lateral (
    select ms.stop_id, ms.distance
    from match_site_stop ms
    where b.reason is null and ms.site_kind = 'premises' and ms.site_id = b.id and ms.mode = any ($6::text[])
      and (not ms.planned or $7::boolean or ms.opening_year <= extract(year from $5::date))
    order by ms.distance
    limit 1
  ) t on true
  left join lateral (
    select true as hidden
    from match_site_stop ms
    where b.reason is null and $9::float8 is null and $5::date is not null and ms.site_kind = 'premises' and ms.site_id = b.id
      and ms.mode = any ($6::text[]) and ms.planned
      and not ($7::boolean or coalesce(ms.opening_year <= extract(year from $5::date), false))
      and (t.distance is null or ms.distance < t.distance)
    limit 1
  ) h on true
  -- (only the rows that ask find their site: a null key finds none, and the function, inlined,
  -- is then never run)
  left join lateral (
    select n.id, n.distance
    from premises g
    cross join lateral nearest_stop_with(g.geom, $6::text[], $7::boolean, $5::date, $9::float8) n
    where g.id = case when b.reason is null and (h.hidden or $9::float8 is not null) then b.id end
  ) k on true
), judged as (
  select t.*,
         case when $8::float8 is not null and (t.distance is null or t.distance > $8::float8) then 'tooFarFromTransit' end as why
  from transit t
), survivors as (
  select * from judged where why is null
), cheapest as (
  select min(price) as price from survivors
), scored as (
  -- in numeric: user-given weights and bounds may be tiny (5e-324), where float8 would underflow
  select s.*, (
    $12::float8::numeric * (case when s.stop_id is null then 0
                        when coalesce($8::float8, 2000) > 0
                          then greatest(0, least(1, 1 - round(s.distance::numeric, 1) / coalesce($8::float8::numeric, 2000)))
                        when s.distance <= 0 then 1 else 0 end)
    + $13::float8::numeric * least(1, $2::float8::numeric / round(s.floor_area::numeric, 1))
    + $14::float8::numeric * (case when s.available_from is null or s.available_from <= $11::date then 1
                          else 0.6 + 0.4 * greatest(0, least(1, 1 - (s.available_from - $11::date) / 1825.0)) end)
    + $15::float8::numeric * (case when s.price is null or c.price is null then 0.5
                          when s.price <= 0 then 1 else least(1, c.price::numeric / s.price::numeric) end)
  ) / ($12::float8::numeric + $13::float8::numeric + $14::float8::numeric + $15::float8::numeric) as estimate
  from survivors s cross join cheapest c
), cut as (
  select coalesce((select estimate from scored order by estimate desc offset $10::int - 1 limit 1), '-infinity') - 0.001 as estimate
), top as (
  select s.id, s.stop_id, s.distance
  from scored s
  cross join cut
  where s.estimate >= cut.estimate
)
select
  (select coalesce(json_object_agg(why, n), '{}')
     from (select reason as why, count(*)::int as n from base where reason is not null group by reason
           union all
           select why, count(*)::int from judged where why is not null group by why) x) as excluded,
  (select price from cheapest) as cheapest,
  (select coalesce(json_agg(c), '[]')
   from (select array_agg(id) as ids, array_agg(stop_id) as stop_ids, array_agg(distance) as distances from top) a
   cross join lateral match_premises_candidates($4::text[], a.ids, a.stop_ids, a.distances, true) c) as results;
