-- Rules 1, 3, 4 and 6 of matching for land parcels, read from the matching index
-- (sql/migrations/0070: match_land_site, match_land_use, match_site_stop), in EPSG:3006.
-- $1 use, $2 minAreaM2, $3 maxAreaM2 (null: none), $4 area refs (null: anywhere),
-- $5 neededBy (null: none), $6 station modes, $7 includePlanned, $8 maxDistanceToStationM (null: none),
-- $9 minGrossFloorAreaM2, $10 minBuildingFootprintM2, $11 minDeparturesPerHour (each null: none),
-- $12 limit, $13 today, $14..$17 weights of transit, size, readiness, price.
-- One row: `excluded` {reason: count} over every parcel (grouped counts over the index, no
-- geometry), `cheapest` price among all survivors (the price criterion's reference), and
-- `results`: only the survivors that can reach the top `limit` once ranked, as JSON. The
-- score here is a pre-selection: ranking.ts scores them exactly; every survivor whose
-- estimate lies within 0.001 of the limit-th one is kept, so none that could rank is lost.
with unavailable as (
  -- notAvailable needs no more than a count: the rest of the pipeline sees available parcels only
  select count(*)::int as n from match_land_site where not available
), site as (
  select s.parcel_id, s.price,
         $4::text[] is not null
           and not (case when s.area_ref is not null then s.area_ref = any ($4::text[]) else s.area_hits && $4::text[] end) as outside
  from match_land_site s
  where s.available
), fit as (
  -- narrow rows: arrays (plan ids, area hits) are read again for the top rows only
  select st.parcel_id, st.price,
         coalesce(u.ready_m2 >= $2::float8, false) as is_ready,
         u.ready_m2, u.progress_m2, u.ready_date,
         case when u.ready_m2 >= $2::float8 then u.ready_gfa_m2 else u.progress_gfa_m2 end as gfa,
         case when u.ready_m2 >= $2::float8 then u.ready_footprint_m2 else u.progress_footprint_m2 end as footprint,
         case
           when st.outside then 'outsideAreas'
           when u.parcel_id is null then 'wrongUse'
           when u.ready_m2 >= $2::float8 then
             case when $3::float8 is not null and u.ready_m2 > $3::float8 then 'tooLarge' end
           when u.progress_m2 < $2::float8 then 'tooSmall'
           when $3::float8 is not null and u.progress_m2 > $3::float8 then 'tooLarge'
         end as reason
  from site st
  left join match_land_use u on u.use = $1::text and u.parcel_id = st.parcel_id
), ruled as (
  select f.*,
         coalesce(
           f.reason,
           -- rule 6: a known building right below the bound; an unknown one passes
           case when ($9::float8 is not null and f.gfa < $9::float8)
                  or ($10::float8 is not null and f.footprint < $10::float8) then 'tooLittleBuildingRight' end,
           case when not f.is_ready and $5::date is not null and (f.ready_date is null or f.ready_date > $5::date)
                then 'notReadyInTime' end
         ) as reason2
  from fit f
), passed as (
  -- the stops are asked only for the parcels that passed every other rule
  select * from ruled where reason2 is null
), transit as (
  select r.*,
         case when h.hidden or $11::float8 is not null then k.id else t.stop_id end as stop_id,
         case when h.hidden or $11::float8 is not null then k.distance else t.distance end as distance
  from passed r
  -- rule 3 from the index: the nearest stop per mode (existing, planned), minimum over the modes
  left join lateral (
    select ms.stop_id, ms.distance
    from match_site_stop ms
    where r.reason2 is null and ms.site_kind = 'land' and ms.site_id = r.parcel_id and ms.mode = any ($6::text[])
      and (not ms.planned or $7::boolean or ms.opening_year <= extract(year from $5::date))
    order by ms.distance
    limit 1
  ) t on true
  -- a nearer planned stop that does not count (opens after neededBy's year) may hide a farther
  -- planned one that does: the index keeps only the nearest, so such a site asks the stops
  -- (without neededBy no planned stop counts, unless includePlanned, so none can be hidden)
  left join lateral (
    select true as hidden
    from match_site_stop ms
    where r.reason2 is null and $11::float8 is null and $5::date is not null and ms.site_kind = 'land' and ms.site_id = r.parcel_id
      and ms.mode = any ($6::text[]) and ms.planned
      and not ($7::boolean or coalesce(ms.opening_year <= extract(year from $5::date), false))
      and (t.distance is null or ms.distance < t.distance)
    limit 1
  ) h on true
  -- the same KNN the rules define, with the frequency filter (minDeparturesPerHour)
  -- (only the rows that ask find their site: a null key finds none, and the function, inlined,
  -- is then never run)
  left join lateral (
    select n.id, n.distance
    from land_parcels g
    cross join lateral nearest_stop_with(g.geom, $6::text[], $7::boolean, $5::date, $11::float8) n
    where g.id = case when r.reason2 is null and (h.hidden or $11::float8 is not null) then r.parcel_id end
  ) k on true
), judged as (
  select t.*,
         case when $8::float8 is not null and (t.distance is null or t.distance > $8::float8) then 'tooFarFromTransit' end as why,
         case when t.is_ready then t.ready_m2 else t.progress_m2 end as usable
  from transit t
), survivors as (
  select * from judged where why is null
), cheapest as (
  select min(price) as price from survivors
), scored as (
  -- in numeric: user-given weights and bounds may be tiny (5e-324), where float8 would underflow
  select s.*, (
    $14::float8::numeric * (case when s.stop_id is null then 0
                        when coalesce($8::float8, 2000) > 0
                          then greatest(0, least(1, 1 - round(s.distance::numeric, 1) / coalesce($8::float8::numeric, 2000)))
                        when s.distance <= 0 then 1 else 0 end)
    + $15::float8::numeric * (case when round(s.usable::numeric, 1) > 0
                          then least(1, $2::float8::numeric / round(s.usable::numeric, 1)) else 0 end)
    + $16::float8::numeric * (case when s.is_ready then 1
                          when s.ready_date is null then 0.1
                          else 0.2 + 0.4 * greatest(0, least(1, 1 - greatest(0, s.ready_date - $13::date) / 1825.0)) end)
    + $17::float8::numeric * (case when s.price is null or c.price is null then 0.5
                          when s.price <= 0 then 1 else least(1, c.price::numeric / s.price::numeric) end)
  ) / ($14::float8::numeric + $15::float8::numeric + $16::float8::numeric + $17::float8::numeric) as estimate
  from survivors s cross join cheapest c
), cut as (
  select coalesce((select estimate from scored order by estimate desc offset $12::int - 1 limit 1), '-infinity') - 0.001 as estimate
), top as (
  select s.parcel_id, s.is_ready, s.stop_id, s.distance
  from scored s
  cross join cut
  where s.estimate >= cut.estimate
)
select
  (select coalesce(json_object_agg(why, n), '{}')
     from (select reason2 as why, count(*)::int as n from ruled where reason2 is not null group by reason2
           union all
           select why, count(*)::int from judged where why is not null group by why
           union all
           select 'notAvailable', n from unavailable where n > 0) x) as excluded,
  (select price from cheapest) as cheapest,
  (select coalesce(json_agg(c), '[]')
   from (select array_agg(parcel_id) as ids, array_agg(is_ready) as ready, array_agg(stop_id) as stop_ids,
                array_agg(distance) as distances from top) a
   cross join lateral match_land_candidates($1::text, $4::text[], a.ids, a.ready, a.stop_ids, a.distances, true) c) as results;
