// Golden fixtures of POST /api/match: each folder of tests/fixtures/matching is a small world
// in SWEREF 99 TM (in/*.geojson, axis-aligned rectangles, see its README) with one or more
// requests (<variant>.request.json) and what they must give (<variant>.expected.json),
// worked out by hand from the geometry; the arithmetic is in each expected file's `why`.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { loadFeatures } from '../../api/src/layers/loader';
import { withTransaction } from '../../api/src/db/transaction';
import type { LayerName } from '../../api/src/layers/registry';

const ROOT = path.join(__dirname, '../fixtures/matching');
// Areas first: land refers to them.
const LAYER_ORDER: LayerName[] = ['areas', 'stops', 'plans', 'land', 'premises'];
const REASONS = ['notAvailable', 'outsideAreas', 'wrongUse', 'tooSmall', 'tooLarge', 'notReadyInTime', 'tooFarFromTransit'];
const AREA_TOLERANCE = 0.005;
const DISTANCE_TOLERANCE = 0.01;
const SCORE_TOLERANCE = 0.001;

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const cases = fs.readdirSync(ROOT).filter((d) => fs.statSync(path.join(ROOT, d)).isDirectory()).sort();

function variantsOf(dir: string): Array<{ name: string; request: unknown; expected: Expected }> {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('request.json'))
    .sort()
    .map((f) => {
      const prefix = f.slice(0, -'request.json'.length);
      return { name: prefix ? prefix.slice(0, -1) : 'default', request: readJson(path.join(dir, f)), expected: readJson(path.join(dir, `${prefix}expected.json`)) };
    });
}

interface Expected {
  results: Array<Record<string, unknown>>;
  excluded: Record<string, number>;
}

async function loadWorld(t: TestApp, dir: string): Promise<void> {
  await withTransaction(t.db, async (client) => {
    for (const layer of LAYER_ORDER) {
      const file = path.join(dir, 'in', `${layer}.geojson`);
      if (fs.existsSync(file)) await loadFeatures(client, layer, readJson(file).features, { srid: 3006 });
    }
  });
  const setup = path.join(dir, 'setup.sql');
  if (fs.existsSync(setup)) await t.db.query(fs.readFileSync(setup, 'utf8'));
}

const near = (actual: unknown, expected: number, tolerance: number) => {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(Math.max(Math.abs(expected) * tolerance, 1e-9));
};

function expectResult(actual: Record<string, any>, expected: Record<string, any>): void {
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'usableAreaM2') near(actual.usableAreaM2, value, AREA_TOLERANCE);
    else if (key === 'score') expect(Math.abs(actual.score - value)).toBeLessThanOrEqual(SCORE_TOLERANCE);
    else if (key === 'planIds') expect([...actual.planIds].sort()).toEqual([...value].sort());
    else if (key === 'transit' && value !== null) {
      expect(actual.transit).not.toBeNull();
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (k === 'distanceM') near(actual.transit.distanceM, v as number, DISTANCE_TOLERANCE);
        else expect(actual.transit[k]).toEqual(v);
      }
    } else expect(actual[key]).toEqual(value);
  }
}

/** What every result must look like, whatever the world (docs/design.md, Matching, Response). */
function expectContractShape(r: Record<string, any>, rank: number): void {
  expect(Object.keys(r).sort()).toEqual(
    ['areaRef', 'criteria', 'geometry', 'kind', 'planIds', 'rank', 'readiness', 'readyDate', 'ref', 'score', 'transit', 'usableAreaM2'].sort(),
  );
  expect(r.rank).toBe(rank);
  expect(r.score).toBeGreaterThanOrEqual(0);
  expect(r.score).toBeLessThanOrEqual(1);
  expect(r.readyDate === null || /^\d{4}-\d{2}-\d{2}$/.test(r.readyDate)).toBe(true);
  for (const c of ['transit', 'size', 'readiness', 'price']) {
    expect(r.criteria[c].score).toBeGreaterThanOrEqual(0);
    expect(r.criteria[c].score).toBeLessThanOrEqual(1);
    expect(typeof r.criteria[c].weight).toBe('number');
    expect(r.criteria[c].detail.length).toBeGreaterThan(0);
  }
  if (r.transit) expect(Object.keys(r.transit).sort()).toEqual(['distanceM', 'mode', 'name', 'ref']);
  const coords = JSON.stringify(r.geometry.coordinates);
  expect(coords).not.toMatch(/\.\d{8,}/);
  const [lon, lat] = coords.match(/-?\d+\.?\d*/g)!.map(Number);
  expect(lon).toBeGreaterThan(17);
  expect(lon).toBeLessThan(19);
  expect(lat).toBeGreaterThan(59);
  expect(lat).toBeLessThan(60);
}

describe.each(cases)('matching fixture %s', (name) => {
  const dir = path.join(ROOT, name);
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadWorld(t, dir);
  });
  afterAll(() => t.drop());

  test.each(variantsOf(dir))('when the $name request is matched, then the ranked refs, values and exclusions are as worked out by hand', async ({ request: body, expected }) => {
    const res = await request(t.app).post('/api/match').send(body as object).expect(200);
    expect(res.body.results.map((r: { ref: string }) => r.ref)).toEqual(expected.results.map((r) => r.ref));
    res.body.results.forEach((r: Record<string, unknown>, i: number) => {
      expectContractShape(r, i + 1);
      expectResult(r, expected.results[i]);
    });
    expect(res.body.excluded).toEqual(Object.fromEntries(REASONS.map((k) => [k, expected.excluded[k] ?? 0])));
  });
});
