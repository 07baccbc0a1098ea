-- $1 layer name. What only the database can judge over the whole load, after the COPY:
-- duplicate refs (parts of one group count once), groups whose parts disagree on the ref,
-- OGC validity in the source CRS and after transformation to SWEREF 99 TM, and (land) links
-- to areas. The first 51 problems by feature index; the loader shows 50 and says "more".
with units as (
  select ref, coalesce(grp, 'idx:' || idx) as unit, min(idx) as idx
  from load_staging group by 1, 2
), ranked as (
  select idx, ref, first_value(idx) over (partition by ref order by idx) as first from units
), issues as (
  select idx, ref, 'duplicate ref: feature ' || first || ' has the same ref' as reason
  from ranked where idx <> first
  union all
  select min(idx), min(ref), 'its area parts give different refs: ' || string_agg(distinct ref, ', ')
  from load_staging where grp is not null group by grp having count(distinct ref) > 1
  union all
  select idx, ref, 'invalid geometry: ' || coalesce(
    case when not ST_IsValid(geom) then ST_IsValidReason(geom) end,
    'invalid after transformation to SWEREF 99 TM: ' || ST_IsValidReason(ST_Transform(geom, 3006)))
  from load_staging
  -- (a geometry already in 3006, as every GDAL source is, is judged once)
  where not ST_IsValid(geom) or (ST_SRID(geom) <> 3006 and not ST_IsValid(ST_Transform(geom, 3006)))
  union all
  select idx, ref, 'areaRef: no area with ref ''' || (props ->> 'areaRef') || ''' (load areas first)'
  from load_staging s
  where $1 = 'land' and props ->> 'areaRef' is not null
    and not exists (select 1 from areas a where a.ref = s.props ->> 'areaRef')
)
select idx, ref, reason from issues order by idx, reason limit 51;
