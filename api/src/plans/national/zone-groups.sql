-- $1 keys of the kvartersmark use regulations, in file order.
-- A zone with several uses is delivered as one regulation per use, each repeating the
-- geometry: each key → the first key with an equal geometry (its zone).
select a.key, (
  select b.key from unnest($1::text[]) with ordinality k(key, ord)
  join nis_objects b on b.key = k.key
  where ST_Equals(a.geom, b.geom)
  order by k.ord limit 1
) as zone_key
from nis_objects a
where a.key = any ($1::text[]);
