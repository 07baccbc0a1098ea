// gis:load on GIS files other than the layer contract's GeoJSON, read through GDAL. Every
// file is written here by ogr2ogr from coordinates stated in this file; nothing is downloaded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadLayerFile } from '../../api/src/layers/loader';
import { LoadError } from '../../api/src/layers/load-error';
import { resolveMapping } from '../../gis-data/src/mappings';
import { createTestDb, type TestDb } from '../support/test-db';

const repoRoot = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etablera-gis-files-'));
const file = (name: string) => path.join(dir, name);

/** A square polygon in SWEREF 99 TM metres: lower-left corner and side. */
const square = (x: number, y: number, side: number) => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + side, y], [x + side, y + side], [x, y + side], [x, y]]],
});

/** A GeoJSON file in EPSG:3006 (declared), as GIS staff's tools would write it. */
function writeGeojson(name: string, features: Array<{ properties: object; geometry: object }>): string {
  fs.writeFileSync(file(name), JSON.stringify({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3006' } },
    features: features.map((f) => ({ type: 'Feature', ...f })),
  }));
  return file(name);
}

function ogr2ogr(...args: string[]): void {
  const r = spawnSync('ogr2ogr', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ogr2ogr ${args.join(' ')}: ${r.stderr}`);
}

/** Lantmäteriet-like area parts (registerenhetsomradesyta) of one trakt, east of x0. */
function lantmaterietParts(trakt: string, x0: number) {
  const y = 6_565_000;
  const part = (ref: string, block: string | null, enhet: number | null, nr: number, geometry: object) => ({
    properties: {
      objektidentitet: `${trakt}-${block}-${enhet}-${nr}`, registerenhetsreferens: ref, objekttyp: 'fastighetsområde',
      lanskod: '01', kommunkod: '0126', kommunnamn: 'HUDDINGE', trakt, block, enhet, omradesnummer: nr,
      etikett: `${block ? `${block}:` : ''}${enhet}${nr > 1 ? `>${nr}` : ''}`,
    },
    geometry,
  });
  return [
    part(`${trakt}-ref-412`, '4', 12, 1, square(x0, y, 100)),
    part(`${trakt}-ref-413`, '4', 13, 1, square(x0 + 200, y, 100)),
    // The second area part of 4:12, apart from the first: one property, one MultiPolygon.
    part(`${trakt}-ref-412`, '4', 12, 2, square(x0 + 400, y, 50)),
    // No block: the designation is {kommunnamn} {trakt} {enhet}.
    part(`${trakt}-ref-7`, null, 7, 1, square(x0 + 600, y, 100)),
  ];
}

/** Bounds of a stored parcel in 3006 and its parts. */
async function parcel(t: TestDb, ref: string) {
  const { rows } = await t.db.query(
    `select owner_type, status, source, version, ST_NumGeometries(geom) as parts, GeometryType(geom) as type,
            round(ST_Area(geom)::numeric, 3)::float as area, ST_XMin(geom) as xmin, ST_YMin(geom) as ymin,
            ST_XMax(geom) as xmax, ST_YMax(geom) as ymax
     from land_parcels where ref = $1`, [ref]);
  return rows[0];
}

async function landSnapshot(t: TestDb): Promise<string> {
  const { rows } = await t.db.query(
    "select coalesce(string_agg(ref || status || version || ST_AsText(geom), '|' order by ref), '') as s from land_parcels",
  );
  return rows[0].s;
}

const parcelsMapping = resolveMapping('lantmateriet-fastighetsindelning');

describe('gis:load of GIS files through GDAL', () => {
  let t: TestDb;
  let gpkg: string;
  beforeAll(async () => {
    t = await createTestDb();
    // GeoPackage in EPSG:3011 (SWEREF 99 18 00, a local zone) with the register's layer and a second one.
    const src = writeGeojson('lanna.geojson', lantmaterietParts('LÄNNA', 667_000));
    gpkg = file('fastighetsindelning.gpkg');
    ogr2ogr('-f', 'GPKG', gpkg, src, '-t_srs', 'EPSG:3011', '-nln', 'registerenhetsomradesyta', '-nlt', 'MULTIPOLYGON');
    const trakt = writeGeojson('trakt.geojson', [{ properties: { trakt: 'LÄNNA' }, geometry: square(666_000, 6_564_000, 3000) }]);
    ogr2ogr('-f', 'GPKG', '-update', gpkg, trakt, '-t_srs', 'EPSG:3011', '-nln', 'traktyta');
  });
  afterAll(async () => {
    await t.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('when the test GeoPackage is written, then it really holds EPSG:3011 coordinates (not 3006 relabelled)', () => {
    const r = spawnSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', gpkg, 'registerenhetsomradesyta', '-lco', 'RFC7946=NO'], { encoding: 'utf8' });
    const first = JSON.parse(r.stdout).features[0].geometry.coordinates[0][0][0];
    // Zone 18 00 has its false easting at 150 000 m: Länna (~18.1°E) lies near 155 000, not 667 000.
    expect(first[0]).toBeGreaterThan(100_000);
    expect(first[0]).toBeLessThan(300_000);
  });

  test('when a Lantmäteriet GeoPackage in EPSG:3011 is loaded with the parcel mapping, then designations are composed, parts united, and coordinates land to 1 cm', async () => {
    const summary = await loadLayerFile(t.db, 'land', gpkg, { mapping: parcelsMapping });
    expect(summary).toMatchObject({ layer: 'land', features: 3, parts: 4, inserted: 3, updated: 0, unchanged: 0, sourceLayer: 'registerenhetsomradesyta' });
    const a = await parcel(t, 'HUDDINGE LÄNNA 4:12');
    // Two squares, 100 m and 50 m: 10 000 + 2 500 m², one MultiPolygon of two polygons.
    expect(a).toMatchObject({ type: 'MULTIPOLYGON', parts: 2, owner_type: 'other', status: 'not_for_sale', source: 'Lantmäteriet, Fastighetsindelning' });
    expect(a.area).toBeCloseTo(12_500, 0);
    expect(a.xmin).toBeCloseTo(667_000, 2);
    expect(a.ymin).toBeCloseTo(6_565_000, 2);
    expect(a.xmax).toBeCloseTo(667_450, 2);
    expect(a.ymax).toBeCloseTo(6_565_100, 2);
    const b = await parcel(t, 'HUDDINGE LÄNNA 4:13');
    expect(b).toMatchObject({ parts: 1 });
    expect([b.xmin, b.ymin, b.xmax, b.ymax].map((v: number) => Math.round(v * 100) / 100)).toEqual([667_200, 6_565_000, 667_300, 6_565_100]);
    const c = await parcel(t, 'HUDDINGE LÄNNA 7');
    expect(c.area).toBeCloseTo(10_000, 0);
  });

  test('when the same GeoPackage is loaded again, then nothing changes: no row is written, versions stay', async () => {
    const before = await landSnapshot(t);
    const summary = await loadLayerFile(t.db, 'land', gpkg, { mapping: parcelsMapping });
    expect(summary).toMatchObject({ features: 3, inserted: 0, updated: 0, unchanged: 3 });
    expect(await landSnapshot(t)).toBe(before);
  });

  test('when staff made a parcel available and the register is loaded again, then the defaulted status is kept', async () => {
    await t.db.query("update land_parcels set status = 'available' where ref = 'HUDDINGE LÄNNA 4:13'");
    await loadLayerFile(t.db, 'land', gpkg, { mapping: parcelsMapping });
    expect((await parcel(t, 'HUDDINGE LÄNNA 4:13')).status).toBe('available');
    expect((await parcel(t, 'HUDDINGE LÄNNA 4:12')).status).toBe('not_for_sale');
  });

  test('when a load is only checked (--check), then the summary says what it would do and nothing is stored', async () => {
    const src = writeGeojson('flottsbro.geojson', lantmaterietParts('FLOTTSBRO', 675_000));
    ogr2ogr('-f', 'GPKG', file('flottsbro.gpkg'), src, '-t_srs', 'EPSG:3011', '-nln', 'registerenhetsomradesyta');
    const before = await landSnapshot(t);
    const r = spawnSync('npx', ['tsx', 'gis-data/src/load-cli.ts', 'land', file('flottsbro.gpkg'), '--map', 'lantmateriet-fastighetsindelning', '--check'], {
      cwd: repoRoot, env: { ...process.env, DATABASE_URL: t.url }, encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/land: checked, nothing stored: 3 features from 4 area parts .*\(would be 3 new, 0 updated, 0 unchanged\)/);
    expect(await landSnapshot(t)).toBe(before);
  });

  test('when a zipped Shapefile in EPSG:3011 is loaded from the command line with --set status=available, then the parcels load available', async () => {
    const src = writeGeojson('vista.geojson', lantmaterietParts('VISTA', 669_000));
    ogr2ogr('-f', 'ESRI Shapefile', file('vista.shp.zip'), src, '-t_srs', 'EPSG:3011', '-nln', 'registerenhetsomradesyta');
    fs.renameSync(file('vista.shp.zip'), file('fastigheter.zip'));
    const r = spawnSync('npx', ['tsx', 'gis-data/src/load-cli.ts', 'land', file('fastigheter.zip'), '--map', 'lantmateriet-fastighetsindelning', '--set', 'status=available'], {
      cwd: repoRoot, env: { ...process.env, DATABASE_URL: t.url }, encoding: 'utf8',
    });
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/land: loaded 3 features from 4 area parts .*\(3 new, 0 updated, 0 unchanged\)/);
    const a = await parcel(t, 'HUDDINGE VISTA 4:12');
    // The Shapefile cuts registerenhetsreferens to 'registeren'; the mapping knows that spelling too.
    expect(a).toMatchObject({ parts: 2, status: 'available', owner_type: 'other' });
    expect(a.xmin).toBeCloseTo(669_000, 2);
    expect(a.ymax).toBeCloseTo(6_565_100, 2);
    expect((await parcel(t, 'HUDDINGE VISTA 7')).status).toBe('available');
  });

  test('when an area part has neither enhet nor etikett, then the load is refused naming the feature and the missing attribute, nothing stored', async () => {
    const parts = lantmaterietParts('GLÖMSTA', 671_000);
    Object.assign(parts[1].properties, { enhet: null, etikett: null });
    const src = writeGeojson('glomsta.geojson', parts);
    ogr2ogr('-f', 'GPKG', file('glomsta.gpkg'), src, '-t_srs', 'EPSG:3011', '-nln', 'registerenhetsomradesyta');
    const before = await landSnapshot(t);
    const err = await loadLayerFile(t.db, 'land', file('glomsta.gpkg'), { mapping: parcelsMapping }).catch((e) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect(err.message).toMatch(/^feature 1: ref: no template applies: enhet, etikett without a value$/);
    expect(await landSnapshot(t)).toBe(before);
  });

  test('when a GeoPackage is broken, then it is refused with GDAL\'s reason and nothing is stored', async () => {
    const whole = fs.readFileSync(gpkg);
    fs.writeFileSync(file('broken.gpkg'), whole.subarray(0, 20_000));
    const before = await landSnapshot(t);
    const err = await loadLayerFile(t.db, 'land', file('broken.gpkg'), { mapping: parcelsMapping }).catch((e) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect(err.message).toMatch(/GDAL cannot read .*broken\.gpkg: .*malformed/);
    expect(await landSnapshot(t)).toBe(before);
  });

  describe('formats and layers', () => {
    /** Land features of the layer contract, 100 m squares in 3006. */
    const contractLand = (prefix: string, x0: number) => writeGeojson(`${prefix}.geojson`, [1, 2].map((n) => ({
      properties: { ref: `${prefix} 1:${n}`, ownerType: 'municipal', status: 'available', priceSekPerM2: 900 + n },
      geometry: square(x0 + n * 200, 6_567_000, 100),
    })));

    test.each([
      ['GeoJSON sequence', 'Seq', 'seq.geojsonl', ['-f', 'GeoJSONSeq']],
      ['FlatGeobuf', 'Fgb', 'land.fgb', ['-f', 'FlatGeobuf']],
      ['CSV with WKT', 'Csv', 'land.csv', ['-f', 'CSV', '-lco', 'GEOMETRY=AS_WKT']],
    ])('when a %s file is loaded, then its features are stored with their properties and areas', async (_, prefix, name, args) => {
      ogr2ogr(...args, file(name), contractLand(prefix, 672_000 + name.length * 1000));
      const summary = await loadLayerFile(t.db, 'land', file(name), name.endsWith('.csv') ? { crs: 3006 } : {});
      expect(summary).toMatchObject({ features: 2, inserted: 2, updated: 0 });
      const { rows } = await t.db.query(
        'select ref, status, price_sek_per_m2 as price, round(ST_Area(geom)::numeric)::int as area from land_parcels where ref like $1 order by ref',
        [`${prefix} %`],
      );
      expect(rows).toEqual([
        { ref: `${prefix} 1:1`, status: 'available', price: 901, area: 10_000 },
        { ref: `${prefix} 1:2`, status: 'available', price: 902, area: 10_000 },
      ]);
    });

    test('when a GeoJSON file declares EPSG:3011 in its crs member, then it is read through GDAL and lands in 3006', async () => {
      ogr2ogr('-f', 'GeoJSON', '-t_srs', 'EPSG:3011', '-lco', 'RFC7946=NO', file('zone.geojson'), contractLand('Zone', 686_000));
      expect(fs.readFileSync(file('zone.geojson'), 'utf8')).toMatch(/EPSG::3011/);
      const summary = await loadLayerFile(t.db, 'land', file('zone.geojson'));
      expect(summary).toMatchObject({ features: 2, inserted: 2 });
      const { rows } = await t.db.query("select ST_XMin(geom) as x, ST_YMin(geom) as y from land_parcels where ref = 'Zone 1:1'");
      expect(rows[0].x).toBeCloseTo(686_200, 2);
      expect(rows[0].y).toBeCloseTo(6_567_000, 2);
    });

    test('when a file of many features loads, then the land layer\'s revision rises as for one feature (once per statement, not per feature)', async () => {
      const many = writeGeojson('many.geojson', Array.from({ length: 40 }, (_, i) => ({
        properties: { ref: `Many 1:${i}`, ownerType: 'private', status: 'not_for_sale' },
        geometry: square(690_000 + i * 200, 6_567_000, 100),
      })));
      ogr2ogr('-f', 'FlatGeobuf', file('many.fgb'), many);
      const revision = async () => (await t.db.query("select revision from layer_revisions where layer = 'land'")).rows[0].revision;
      const before = await revision();
      expect(await loadLayerFile(t.db, 'land', file('many.fgb'))).toMatchObject({ features: 40, inserted: 40 });
      const forForty = (await revision()) - before;
      ogr2ogr('-f', 'FlatGeobuf', file('one.fgb'), writeGeojson('one.geojson', [{
        properties: { ref: 'One 1:1', ownerType: 'private', status: 'not_for_sale' }, geometry: square(690_000, 6_569_000, 100),
      }]));
      const beforeOne = await revision();
      await loadLayerFile(t.db, 'land', file('one.fgb'));
      // One merge statement per load; PostgreSQL fires its INSERT and its UPDATE statement
      // triggers (INSERT … ON CONFLICT DO UPDATE), so 2 — for 40 features as for 1.
      expect(forForty).toBe(2);
      expect((await revision()) - beforeOne).toBe(forForty);
    });

    test('when a CSV declares no CRS and none is given, then it is refused asking for --crs', async () => {
      ogr2ogr('-f', 'CSV', '-lco', 'GEOMETRY=AS_WKT', file('nocrs.csv'), contractLand('Nocrs', 680_000));
      const err = await loadLayerFile(t.db, 'land', file('nocrs.csv')).catch((e) => e);
      expect(err).toBeInstanceOf(LoadError);
      expect(err.message).toMatch(/declares no CRS; give it with --crs/);
    });

    test('when a GeoPackage holds several layers, then --layer picks one, and without it the load names the layers', async () => {
      const two = file('two-layers.gpkg');
      ogr2ogr('-f', 'GPKG', two, contractLand('LayerA', 682_000), '-nln', 'parcels_a');
      ogr2ogr('-f', 'GPKG', '-update', two, contractLand('LayerB', 684_000), '-nln', 'parcels_b');
      const err = await loadLayerFile(t.db, 'land', two).catch((e) => e);
      expect(err.message).toMatch(/has 2 layers \(parcels_a, parcels_b\): choose one with --layer/);
      const summary = await loadLayerFile(t.db, 'land', two, { sourceLayer: 'parcels_b' });
      expect(summary).toMatchObject({ features: 2, inserted: 2, sourceLayer: 'parcels_b' });
      const { rows } = await t.db.query("select ref from land_parcels where ref like 'Layer%' order by ref");
      expect(rows.map((r) => r.ref)).toEqual(['LayerB 1:1', 'LayerB 1:2']);
      const missing = await loadLayerFile(t.db, 'land', two, { sourceLayer: 'parcels_c' }).catch((e) => e);
      expect(missing.message).toMatch(/has no layer 'parcels_c' \(its layers: parcels_a, parcels_b\)/);
    });
  });
});
