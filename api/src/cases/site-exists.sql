-- $1 kind, $2 ref: whether the layer has that site
select exists (select 1 from land_parcels where $1 = 'land' and ref = $2)
    or exists (select 1 from premises where $1 = 'premises' and ref = $2) as found;
