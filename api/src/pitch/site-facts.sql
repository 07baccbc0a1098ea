-- $1 jsonb [{kind, ref}, ...]: each site's facts for the pitch, in the order given;
-- $2 the company's use or null: land's readiness for it by rule 1 of matching (use_overlay).
-- Public data only: nothing here comes from the case (no contact, no notes).
with wanted as (
  select t.ord, t.s ->> 'kind' as kind, t.s ->> 'ref' as ref
  from jsonb_array_elements($1::jsonb) with ordinality as t(s, ord)
), sites as (
  select w.ord, w.kind, w.ref, l.ref as name, l.geom, ST_Area(l.geom) as size_m2, l.price_sek_per_m2 as price,
         null::numeric as rent, null::date as available_from, null::text as address, null::text as premises_kind,
         l.area_ref, l.status, l.owner_type, l.illustrative
  from wanted w join land_parcels l on w.kind = 'land' and l.ref = w.ref
  union all
  select w.ord, w.kind, w.ref, p.title, p.geom, p.floor_area_m2, null, p.rent_sek_per_m2_year, p.available_from,
         p.address, p.kind, (select a.ref from areas a where ST_Intersects(a.geom, p.geom) order by a.ref limit 1),
         p.status, null, p.illustrative
  from wanted w join premises p on w.kind = 'premises' and p.ref = w.ref
)
select s.ord, s.kind, s.ref, s.name, round(s.size_m2)::float8 as "sizeM2", s.price::float8 as "priceSekPerM2",
       s.rent::float8 as "rentSekPerM2Year", s.available_from as "availableFrom", s.address,
       s.premises_kind as "premisesKind", s.area_ref as "areaRef", s.status, s.owner_type as "ownerType", s.illustrative,
       geom_to_geojson(s.geom, 4326) as geometry,
       geom_to_geojson(ST_PointOnSurface(s.geom), 4326) as point,
       (select coalesce(json_agg(json_build_object(
                 'planId', p.plan_id, 'planName', p.name, 'status', p.status,
                 'legalForceDate', p.legal_force_date, 'expectedLegalForceDate', p.expected_legal_force_date,
                 'useCodes', z.use_codes,
                 'uses', (select json_agg(json_build_object('code', u.code, 'sv', u.name_sv, 'en', u.name_en) order by u.code)
                          from (select distinct left(c, 1) as code from unnest(z.use_codes) c) x
                          join use_codes u on u.code = x.code),
                 'coverM2', round(ST_Area(ST_Intersection(z.geom, s.geom))))
               order by ST_Area(ST_Intersection(z.geom, s.geom)) desc, z.ref), '[]')
        from plan_zones z join plans p on p.plan_id = z.plan_id
        where z.geom && s.geom and ST_Intersects(z.geom, s.geom) and p.status <> 'cancelled'
          and (GeometryType(s.geom) = 'POINT' or ST_Area(ST_Intersection(z.geom, s.geom)) > 0)) as zoning,
       (select json_build_object('name', t.name, 'mode', t.mode, 'distanceM', round(t.distance))
        from nearest_stop(s.geom, '{commuter_rail,metro,tram}', false, null) t) as station,
       case when s.kind = 'land' and $2::text is not null then json_build_object(
         'use', $2::text,
         'readyM2', round(o.ready_m2), 'progressM2', round(o.progress_m2), 'readyDate', o.ready_date,
         'legalForceDate', (select max(p.legal_force_date) from plans p where p.plan_id = any (o.ready_plan_ids)))
       end as "useFit"
from sites s
left join lateral use_overlay(s.geom, (select u.plan_codes from match_uses u where u.use = $2::text)) o
  on s.kind = 'land' and $2::text is not null
order by s.ord;
