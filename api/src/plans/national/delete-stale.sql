-- $1 plan id, $2 the zone refs the new version keeps.
-- A new version replaces the plan's regulations; zones it no longer has go.
with r as (delete from plan_regulations where plan_id = $1)
delete from plan_zones where plan_id = $1 and not (ref = any ($2::text[])) returning ref;
