-- The areas readiness reports on, and whether any data behind the figures is illustrative.
select ref, name, municipality_code as "municipalityCode",
       exists (select 1 from land_parcels where illustrative)
         or exists (select 1 from plan_zones where illustrative)
         or exists (select 1 from plans where illustrative)
         or exists (select 1 from premises where illustrative) as "anyIllustrative"
from areas
order by ref;
