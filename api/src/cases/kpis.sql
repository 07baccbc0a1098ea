-- $1 from date or null, $2 to date or null (inclusive, Stockholm dates).
-- The period selects cases by the day they were opened (their first timeline event); every
-- figure is over those cases as they stand now. Days are fractional (timestamps differ),
-- medians are the usual middle value (mean of the two middle ones for an even count).
with opened as (
  select c.id, c.stage, c.outcome, c.lost_reason, c.jobs_expected, c.investment_msek, c.satisfaction_score,
         min(e.occurred_at) as opened_at,
         min(e.occurred_at) filter (where e.kind = 'site_proposed') as first_proposal_at
  from cases c
  join case_events e on e.case_id = c.id
  group by c.id
), sel as (
  select * from opened
  where ($1::date is null or (opened_at at time zone 'Europe/Stockholm')::date >= $1::date)
    and ($2::date is null or (opened_at at time zone 'Europe/Stockholm')::date <= $2::date)
), stays as (
  select e.to_stage as stage,
         extract(epoch from (lead(e.occurred_at) over w - e.occurred_at)) / 86400 as days
  from case_events e
  join sel on sel.id = e.case_id
  where e.kind = 'stage_change'
  window w as (partition by e.case_id order by e.occurred_at, e.id)
)
select
  (select count(*) from sel)::int as "casesInPeriod",
  (select coalesce(json_object_agg(stage, n), '{}') from (
     select stage, count(*)::int as n from sel
     where stage in ('first_contact', 'needs_analysis', 'site_proposals', 'site_visit', 'negotiation', 'decision')
     group by stage) s) as "openByStage",
  (select round((percentile_cont(0.5) within group (
     order by extract(epoch from (first_proposal_at - opened_at)) / 86400))::numeric, 2)
   from sel where first_proposal_at is not null) as "medianDaysToFirstProposal",
  (select coalesce(json_object_agg(stage, median), '{}') from (
     select stage, round((percentile_cont(0.5) within group (order by days))::numeric, 2) as median
     from stays where days is not null group by stage) m) as "medianDaysInStage",
  (select count(*) from sel where outcome = 'established')::int as won,
  (select count(*) from sel where outcome = 'lost')::int as lost,
  (select coalesce(json_object_agg(lost_reason, n), '{}') from (
     select lost_reason, count(*)::int as n from sel where outcome = 'lost' group by lost_reason) r) as "lostReasons",
  (select coalesce(sum(jobs_expected), 0)::int from sel
   where stage in ('first_contact', 'needs_analysis', 'site_proposals', 'site_visit', 'negotiation', 'decision')) as "jobsInOpenCases",
  (select coalesce(sum(jobs_expected), 0)::int from sel where outcome = 'established') as "jobsEstablished",
  (select coalesce(sum(investment_msek), 0)::float8 from sel
   where stage in ('first_contact', 'needs_analysis', 'site_proposals', 'site_visit', 'negotiation', 'decision')) as "investmentMsekInOpenCases",
  (select coalesce(sum(investment_msek), 0)::float8 from sel where outcome = 'established') as "investmentMsekEstablished",
  (select round(avg(satisfaction_score)::numeric, 2) from sel where satisfaction_score is not null) as "satisfactionMean",
  (select count(*)::int from sel where satisfaction_score is not null) as "satisfactionAnswers",
  (select case when count(*) = 0 then null
               else round((select count(*) from case_sites s join sel x on x.id = s.case_id)::numeric / count(*), 2) end
   from sel) as "proposalsPerCase";
