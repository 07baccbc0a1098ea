import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadLayerFile } from '../../api/src/layers/loader';
import { LoadError } from '../../api/src/layers/load-error';
import { createTestDb, type TestDb } from '../support/test-db';

const fixture = (name: string) => path.join(__dirname, '../fixtures/loader', `${name}.geojson`);
const repoRoot = path.resolve(__dirname, '../..');

/** A fingerprint of the whole land table, to prove a failed load changed nothing. */
async function landSnapshot(t: TestDb): Promise<string> {
  const { rows } = await t.db.query(
    "select coalesce(string_agg(ref || status || version || ST_AsText(geom), '|' order by ref), '') as s from land_parcels",
  );
  return rows[0].s;
}

describe('gis:load', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await loadLayerFile(t.db, 'land', fixture('valid'));
  });
  afterAll(() => t.drop());

  test.each([
    ['self-intersecting', /feature 1 \(ref 'Test 1:2'\): ring self-intersection/],
    ['unclosed-ring', /feature 1 \(ref 'Test 1:2'\): .*first and last positions must be equivalent/],
    ['sweref-as-lonlat', /feature 1 \(ref 'Test 1:2'\): coordinate \[670000, 6570000\] is not lon\/lat/],
    ['unknown-status', /feature 1 \(ref 'Test 1:2'\): status: /],
    ['missing-ref', /feature 1: properties.ref: is required/],
    ['duplicate-ref', /feature 1 \(ref 'Test 1:1'\): duplicate ref: feature 0 has the same ref/],
    ['hole-outside-shell', /feature 1 \(ref 'Test 1:2'\): invalid geometry: Hole lies outside shell/],
    ['malformed', /^malformed JSON: /],
    // issue 13 defect 13: 1e999 overflows to Infinity; was "first and last positions must be equivalent"
    ['non-finite', /feature 1 \(ref 'Test 1:2'\): invalid Polygon: a coordinate is not a finite number/],
    // found by the fuzz run: a NUL reached the COPY as a database error
    ['nul-in-property', /feature 1 \(ref 'Test 1:2'\): properties.source: must not contain a NUL character/],
  ])('when the file is %s, then the load fails naming the feature and reason, and the database is unchanged', async (name, reason) => {
    const before = await landSnapshot(t);
    const err = await loadLayerFile(t.db, 'land', fixture(name)).catch((e) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).message).toMatch(reason);
    expect(await landSnapshot(t)).toBe(before);
  });

  // The awkward cases on purpose (empty, null geometry, empty coordinates): refused by name,
  // the valid feature 0 beside them not written either.
  test.each([
    ['null-geometry', /^feature 1 \(ref 'Test 1:2'\): geometry is missing$/],
    ['empty-coordinates', /^feature 1 \(ref 'Test 1:2'\): invalid Polygon: coordinates: an empty array at nesting level 1 \(an empty Polygon is not allowed\)$/],
    ['empty-ring', /^feature 1 \(ref 'Test 1:2'\): invalid Polygon: coordinates: an empty array at nesting level 2 \(an empty Polygon is not allowed\)$/],
    ['empty-multipolygon', /^feature 1 \(ref 'Test 1:2'\): invalid MultiPolygon: coordinates: an empty array at nesting level 1 \(an empty MultiPolygon is not allowed\)$/],
  ])('when feature 1 of the file is %s, then the load is refused naming it, and the database is unchanged', async (name, reason) => {
    const before = await landSnapshot(t);
    const err = await loadLayerFile(t.db, 'land', fixture(name)).catch((e) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).issues).toHaveLength(1);
    expect((err as LoadError).message).toMatch(reason);
    expect(await landSnapshot(t)).toBe(before);
  });

  test('when the FeatureCollection is empty, then nothing is loaded and the summary says 0 features (not an error: loads only add and update)', async () => {
    const before = await landSnapshot(t);
    expect(await loadLayerFile(t.db, 'land', fixture('empty-collection'))).toEqual({
      layer: 'land', features: 0, inserted: 0, updated: 0, ignoredProperties: {},
    });
    expect(await landSnapshot(t)).toBe(before);
    const r = spawnSync('npx', ['tsx', 'gis-data/src/load-cli.ts', 'land', fixture('empty-collection')], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: t.url },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/land: the file has no features; nothing was loaded/);
  });

  test('when the same file is loaded again with a changed property, then rows are updated, not duplicated', async () => {
    const first = await loadLayerFile(t.db, 'land', fixture('valid'));
    expect(first).toEqual({ layer: 'land', features: 2, inserted: 0, updated: 2, ignoredProperties: {} });
    const { rows } = await t.db.query("select count(*)::int as n, max(version) as v from land_parcels where ref like 'Test 1:%'");
    expect(rows[0].n).toBe(2);
    expect(rows[0].v).toBeGreaterThan(1);
  });

  test('when features carry properties outside the contract (a GIS tool\'s fid), then they load, and the extras are named, not stored', async () => {
    const summary = await loadLayerFile(t.db, 'land', fixture('land-with-extra-properties'));
    expect(summary).toMatchObject({ features: 2, inserted: 2, ignoredProperties: { fid: 2, Kommentar: 1 } });
    const { rows } = await t.db.query("select ref, status from land_parcels where ref like 'Order 1:%' order by ref");
    expect(rows).toEqual([{ ref: 'Order 1:1', status: 'available' }, { ref: 'Order 1:2', status: 'sold' }]);
    const r = spawnSync('npx', ['tsx', 'gis-data/src/load-cli.ts', 'land', fixture('land-with-extra-properties')], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: t.url },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/not stored, outside the land contract: fid \(2 features\), Kommentar \(1 features\)/);
  });

  test('when parcels are loaded before their area, then loading the area gives them their areaRef; a given areaRef stays', async () => {
    await t.db.query("update land_parcels set area_ref = null, area_ref_derived = true where ref = 'Order 1:1'");
    await t.db.query("insert into areas (ref, name, geom) values ('order-east', 'Order öst', ST_Transform(ST_MakeEnvelope(17.965, 59.21, 17.98, 59.225, 4326), 3006))");
    await t.db.query("update land_parcels set area_ref = 'order-east', area_ref_derived = false where ref = 'Test 1:1'");
    await loadLayerFile(t.db, 'areas', fixture('areas-after-land'));
    const { rows } = await t.db.query(
      "select ref, area_ref, area_ref_derived from land_parcels where ref in ('Order 1:1', 'Order 1:2', 'Test 1:1') order by ref",
    );
    // Order 1:1 lies inside order-west; Order 1:2 (17.97) inside order-east but was loaded before it
    // existed and has no areaRef of its own; Test 1:1 was given order-east explicitly though it lies in order-west.
    expect(rows).toEqual([
      { ref: 'Order 1:1', area_ref: 'order-west', area_ref_derived: true },
      { ref: 'Order 1:2', area_ref: 'order-east', area_ref_derived: true },
      { ref: 'Test 1:1', area_ref: 'order-east', area_ref_derived: false },
    ]);
  });

  test('when run from the command line on a bad file, then it exits non-zero naming feature index, ref and reason', () => {
    const r = spawnSync('npx', ['tsx', 'gis-data/src/load-cli.ts', 'land', fixture('unknown-status')], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: t.url },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not loaded, the database is unchanged/);
    expect(r.stderr).toMatch(/feature 1 \(ref 'Test 1:2'\): status:/);
  });

  test('when run from the command line on a good file, then it prints a summary and exits 0', () => {
    const r = spawnSync('npx', ['tsx', 'gis-data/src/load-cli.ts', 'land', fixture('valid')], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: t.url },
      encoding: 'utf8',
    });
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/land: loaded 2 features .* \(0 new, 2 updated\)/);
  });

  test('when the layer name is unknown, then the CLI exits 2 with usage', () => {
    const r = spawnSync('npx', ['tsx', 'gis-data/src/load-cli.ts', 'parcels', fixture('valid')], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown layer 'parcels'/);
  });
});
