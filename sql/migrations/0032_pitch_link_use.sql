-- The company's use (docs/design.md, matching) a pitch is made for: plan readiness of land is
-- then told for that use, by rule 1 of matching (use_overlay), not for any zone.
alter table pitch_links add column use text check (use in ('office', 'retail', 'industry', 'logistics', 'lab'));
