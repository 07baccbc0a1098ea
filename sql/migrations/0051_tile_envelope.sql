-- The search window of a web-mercator tile in SWEREF 99 TM. Tile queries filter the 3006
-- tables with it, so their GiST indexes are used and only the rows in the tile are ever
-- transformed. Clipped to Sweden's neighbourhood first (the transverse Mercator of 3006 is
-- meaningless for a world tile), with a 64/4096 margin for the MVT buffer, and segmentized
-- so the window follows the curved edges a mercator tile has in 3006.
create or replace function tile_envelope_3006(z integer, x integer, y integer) returns geometry
language sql stable strict parallel safe as $$
  with clipped as (
    select ST_Intersection(
      ST_TileEnvelope(z, x, y, margin => 64.0 / 4096),
      ST_Transform(ST_MakeEnvelope(0, 50, 40, 75, 4326), 3857)) as g
  )
  select case when ST_IsEmpty(g) then null
              else ST_Transform(ST_Segmentize(g, (ST_XMax(g) - ST_XMin(g)) / 16), 3006) end
  from clipped
$$;
