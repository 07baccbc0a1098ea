-- The company's expected investment, for the business unit's key figures on investments
-- (the seed reports ask for lead times, investments and jobs). Million SEK, optional.
alter table cases add column investment_msek numeric check (investment_msek >= 0);
