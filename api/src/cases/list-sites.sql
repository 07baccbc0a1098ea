-- $1 case id: proposed sites with a display name and area
select s.id, s.site_kind as kind, s.site_ref as ref, s.response, s.proposed_at as "proposedAt",
       s.responded_at as "respondedAt", s.version,
       case s.site_kind when 'land' then s.site_ref else p.title end as name,
       coalesce(l.area_ref, (select a.ref from areas a where ST_Intersects(a.geom, p.geom) limit 1)) as "areaRef"
from case_sites s
left join land_parcels l on s.site_kind = 'land' and l.ref = s.site_ref
left join premises p on s.site_kind = 'premises' and p.ref = s.site_ref
where s.case_id = $1
order by s.proposed_at, s.id;
