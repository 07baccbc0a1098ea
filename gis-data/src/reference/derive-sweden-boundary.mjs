// Derives the area that counts as "inside Sweden" for every geometry written (API and loader)
// and writes it into migration 0080, so every database carries it. Run again only to refresh:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node gis-data/src/reference/derive-sweden-boundary.mjs
// Source: Natural Earth 1:10m Admin 0 countries (public domain), as packaged by the npm
// package world-atlas (devDependency). PostGIS (any database with the extension) does the
// geometry: nothing is created there.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const pg = require('pg');
const { feature } = require('topojson-client');
const world = require('world-atlas/countries-10m.json');
const { version } = require('world-atlas/package.json');

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const country = (name) => {
  const g = world.objects.countries.geometries.find((c) => c.properties.name === name);
  if (!g) throw new Error(`world-atlas has no country named ${name}`);
  return JSON.stringify(feature(world, g).geometry);
};

// The shipped municipality boundaries of Stockholm county (gis-data/reference), which reach
// out to the territorial sea's edge around the outermost islands, are authoritative where
// they are; elsewhere:
// Sweden's land plus 5 km (Natural Earth at 1:10m smooths the coast and the border), plus the
// sea within 22 km of it (the 12-nautical-mile territorial sea holds the archipelago's small
// islands, which 1:10m leaves out), but not the neighbours' land beyond those 5 km.
const deriveSql = `
with c as (
  select ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), 3006) as se,
         ST_Transform(ST_SetSRID(ST_Collect(array[ST_GeomFromGeoJSON($2), ST_GeomFromGeoJSON($3), ST_GeomFromGeoJSON($4)]), 4326), 3006) as nb
), b as (
  select ST_Union(array[
    ST_Buffer(se, 5000),
    ST_Difference(ST_Buffer(se, 22000), ST_Buffer(nb, 2000)),
    (select ST_Buffer(ST_Union(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4326), 3006)), 1000)
       from jsonb_array_elements($5::jsonb->'features') f)
  ]) as g from c
)
select ST_AsGeoJSON(ST_Multi(ST_SnapToGrid(ST_SimplifyPreserveTopology(g, 100), 1)), 0) as geojson,
       ST_NPoints(g) as n from b`;

const db = new pg.Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
await db.connect();
const county = fs.readFileSync(path.join(repoRoot, 'gis-data/reference/stockholms_lan_kommuner_ods2022.geojson'), 'utf8');
const { rows } = await db.query(deriveSql, [country('Sweden'), country('Norway'), country('Finland'), country('Denmark'), county]);
await db.end();
const { geojson } = rows[0];

const sql = `-- The area that counts as "inside Sweden" for every geometry written (API and loader).
-- Source: Natural Earth 1:10m Admin 0 countries (public domain, naturalearthdata.com), as
-- packaged in the npm package world-atlas ${version} (countries-10m.json). Sweden's land
-- buffered by 5 km, plus the sea within 22 km (the territorial sea, where the archipelago's
-- small islands lie that 1:10m leaves out), minus Norway's, Finland's and Denmark's land
-- further than those 5 km; united with the shipped municipality boundaries of Stockholm county
-- (gis-data/reference/stockholms_lan_kommuner_ods2022.geojson, + 1 km), which reach out to the
-- territorial sea's edge; simplified by 100 m, in SWEREF 99 TM metres.
-- Written by gis-data/src/reference/derive-sweden-boundary.mjs; do not edit by hand.
create table if not exists sweden_boundary (
  id boolean primary key default true check (id),
  source text not null,
  geom geometry(MultiPolygon, 3006) not null
);
insert into sweden_boundary (source, geom)
select 'Natural Earth 1:10m Admin 0 (world-atlas ${version}): land + 5 km, sea within 22 km, Stockholm county municipalities + 1 km',
       ST_SetSRID(ST_GeomFromGeoJSON('${geojson}'), 3006)
on conflict (id) do nothing;
`;
fs.writeFileSync(path.join(repoRoot, 'sql/migrations/0080_sweden_boundary.sql'), sql);
console.log(`0080_sweden_boundary.sql: ${geojson.length} characters of GeoJSON`);
