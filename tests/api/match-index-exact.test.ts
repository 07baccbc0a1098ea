// The matching index is exact after every kind of write: on a synthetic world of 3 000
// parcels (tests/fixtures/match-index/world.sql), batches of random edits of every kind
// (parcel geometry, status, price, area_ref, insert/delete; plan status, dates, delete; zone
// geometry, codes, building rights, insert/delete; stop add, move, planned/opening year,
// delete; area change, insert/delete; premises move) run in one transaction each, and after
// each batch the index must equal the overlay and the nearest stops computed from scratch
// (tests/api/reference/match-index-diff.sql, with use_overlay() and a KNN), and the match must
// rank exactly as the pre-index queries (tests/api/reference/*-scratch.sql) did.
import fs from 'node:fs';
import path from 'node:path';
import { createTestDb, type TestDb } from '../support/test-db';
import { withTransaction } from '../../api/src/db/transaction';
import { loadFeatures } from '../../api/src/layers/loader';
import { runMatch, type MatchResult } from '../../api/src/matching/service';
import { matchRequestSchema } from '../../api/src/matching/schema';
import { rankCandidates } from '../../api/src/matching/ranking';
import type { Candidate } from '../../api/src/matching/repository';

const FIX = path.join(__dirname, '../fixtures/match-index');
const REF = path.join(__dirname, 'reference');
const read = (f: string) => fs.readFileSync(f, 'utf8');
const diffSql = read(path.join(REF, 'match-index-diff.sql'));
const scratchLand = read(path.join(REF, 'land-candidates-scratch.sql'));
const scratchPremises = read(path.join(REF, 'premises-candidates-scratch.sql'));
const scratchReadiness = read(path.join(REF, 'readiness-land-overlay-scratch.sql'));
const indexReadiness = read(path.join(__dirname, '../../api/src/readiness/land-overlay.sql'));
const EDITS: Record<string, string> = JSON.parse(read(path.join(FIX, 'edits.sql.json')));
const TODAY = '2026-11-30';

const REQUESTS = [
  { use: 'industry', minAreaM2: 3000, limit: 20 },
  { use: 'office', minAreaM2: 1000, need: 'land', maxDistanceToStationM: 800, stationModes: ['bus', 'tram'], limit: 50 },
  { use: 'logistics', minAreaM2: 5000, neededBy: '2028-01-01', areas: ['omr-0-0', 'omr-1-1'], limit: 200 },
  { use: 'lab', minAreaM2: 500, includePlanned: true, limit: 30 },
  { use: 'retail', minAreaM2: 2000, maxAreaM2: 8000, neededBy: '2030-06-01', stationModes: ['commuter_rail', 'metro', 'tram', 'bus'], limit: 10 },
  { use: 'industry', minAreaM2: 4000, neededBy: '2029-12-31', stationModes: ['metro', 'commuter_rail'], maxDistanceToStationM: 2500, weights: { price: 1, transit: 0 }, limit: 15 },
] as const;

/** xorshift32: the batches are the same on every run. */
function prng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

async function expectIndexExact(t: TestDb, when: string): Promise<void> {
  const { rows } = await t.db.query(diffSql);
  expect({ when, differences: rows.slice(0, 10), count: rows.length }).toEqual({ when, differences: [], count: 0 });
}

const comparable = (r: MatchResult) => ({
  ref: r.ref, kind: r.kind, score: r.score, usableAreaM2: r.usableAreaM2, readiness: r.readiness, readyDate: r.readyDate,
  planIds: [...r.planIds].sort(), areaRef: r.areaRef, distanceM: r.transit?.distanceM ?? null,
  criteria: Object.fromEntries(Object.entries(r.criteria).map(([k, v]) => [k, v.score])),
});

/** The pre-index answer: the scratch queries (an overlay and a KNN per parcel) + the same ranking. */
async function scratchMatch(t: TestDb, body: object) {
  const r = matchRequestSchema.parse(body);
  const areas = r.areas && r.areas.length > 0 ? r.areas : null;
  const params = [r.use, r.minAreaM2, r.maxAreaM2 ?? null, areas, r.neededBy ?? null, r.stationModes, r.includePlanned, r.maxDistanceToStationM ?? null];
  const kinds = r.need === 'any' ? ['land', 'premises'] : [r.need];
  const excluded: Record<string, number> = {};
  const candidates: Candidate[] = [];
  for (const k of kinds) {
    const { rows } = k === 'land'
      ? await t.db.query(scratchLand, params)
      : await t.db.query(scratchPremises, [...params, TODAY, 90]);
    for (const [reason, n] of Object.entries(rows[0].excluded as Record<string, number>)) excluded[reason] = (excluded[reason] ?? 0) + n;
    candidates.push(...rows[0].results);
  }
  return { excluded, results: rankCandidates(candidates, r, TODAY) };
}

/** Readiness's land figures from the index equal use_overlay() over every available parcel. */
async function expectReadinessAsScratch(t: TestDb, when: string): Promise<void> {
  const key = (r: Record<string, unknown>) => `${r.areaRef}|${r.inMunicipality}|${r.use}|${r.year}`;
  const round = (rows: Array<Record<string, unknown>>) => Object.fromEntries(rows.map((r) => [key(r), [
    Math.round(r.readyM2 as number), Math.round(r.inProgressM2 as number),
  ]]));
  const got = round((await t.db.query(indexReadiness, ['0126', null])).rows);
  const want = round((await t.db.query(scratchReadiness, ['0126', null])).rows);
  expect({ when, readiness: got }).toEqual({ when, readiness: want });
}

async function expectMatchesAsScratch(t: TestDb, when: string): Promise<void> {
  await expectReadinessAsScratch(t, when);
  for (const body of REQUESTS) {
    const got = await runMatch(t.db, body as never, { today: TODAY });
    const want = await scratchMatch(t, body);
    const nonZero = Object.fromEntries(Object.entries(got.excluded).filter(([, n]) => n > 0));
    expect({ when, body, excluded: nonZero }).toEqual({ when, body, excluded: want.excluded });
    expect({ when, body, results: got.results.map(comparable) }).toEqual({ when, body, results: want.results.map(comparable) });
  }
}

describe('matching index exactness under random edits', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await t.db.query(read(path.join(FIX, 'world.sql')));
  }, 120_000);
  afterAll(() => t.drop());

  test('when the world is built set-based, then the index equals the from-scratch overlay and the match ranks as before', async () => {
    const { rows } = await t.db.query('select count(*)::int as n from land_parcels');
    expect(rows[0].n).toBe(3000);
    await expectIndexExact(t, 'after the build');
    await expectMatchesAsScratch(t, 'after the build');
    // the comparison means something: every request has results and exclusions to compare
    for (const body of REQUESTS) {
      const got = await runMatch(t.db, body as never, { today: TODAY });
      expect(got.results.length).toBeGreaterThan(0);
      expect(Object.values(got.excluded).reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
    }
  }, 120_000);

  test.each([1, 2, 3, 4, 5, 6])('when batch %i of random edits of every kind commits, then the index is still exact', async (batch) => {
    const rnd = prng(batch * 7919);
    const kinds = Object.keys(EDITS);
    // every kind of edit appears in some batch: batch b takes kinds b, b+6, b+12, ... plus four at random
    const chosen = kinds.filter((_, i) => i % 6 === batch - 1);
    for (let i = 0; i < 4; i++) chosen.push(kinds[Math.floor(rnd() * kinds.length)]);
    await withTransaction(t.db, async (c) => {
      await c.query('select setseed($1)', [rnd() * 2 - 1]);
      for (const k of chosen) await c.query(EDITS[k]);
    });
    await expectIndexExact(t, `batch ${batch}: ${chosen.join(', ')}`);
    await expectMatchesAsScratch(t, `batch ${batch}`);
  }, 120_000);

  test('when a bulk load defers the triggers and calls refresh_match_index_for once, then the index is exact after the call', async () => {
    await withTransaction(t.db, async (c) => {
      await c.query("set local etablera.match_index_deferred = on");
      await c.query('select setseed(0.5)');
      const moved = await c.query(
        "update plan_zones set geom = ST_Translate(geom, 150, -80) where id in (select id from plan_zones order by random() limit 10) returning ref",
      );
      const parcels = await c.query(
        "update land_parcels set status = 'available', geom = ST_Translate(geom, 20, 20) where id in (select id from land_parcels order by random() limit 30) returning ref",
      );
      const stops = await c.query('update stops set geom = ST_Translate(geom, 900, 300) where id in (select id from stops order by random() limit 4) returning ref');
      const areas = await c.query('update areas set geom = ST_Translate(geom, 250, 0) where id in (select id from areas order by random() limit 1) returning ref');
      // the index is stale here: the triggers were deferred
      const stale = await c.query(diffSql);
      expect(stale.rows.length).toBeGreaterThan(0);
      await c.query("select refresh_match_index_for('plans', $1)", [moved.rows.map((r) => r.ref)]);
      await c.query("select refresh_match_index_for('land', $1)", [parcels.rows.map((r) => r.ref)]);
      await c.query("select refresh_match_index_for('stops', $1)", [stops.rows.map((r) => r.ref)]);
      await c.query("select refresh_match_index_for('areas', $1)", [areas.rows.map((r) => r.ref)]);
    });
    await expectIndexExact(t, 'after a deferred load and refresh_match_index_for');
    await expectMatchesAsScratch(t, 'after a deferred load');
  }, 120_000);
  test('when gis:load re-loads the land layer with some parcels unchanged, some repriced, some moved or re-statused and some new, then only the changed ones are recomputed and the index is exact', async () => {
    // The land as the loader takes it (SWEREF 99 TM); one load first, so that the second
    // load's unchanged parcels carry exactly the coordinates stored (no text round trip).
    const { rows } = await t.db.query(
      `select ref, owner_type, status, price_sek_per_m2::float8 as price, case when not area_ref_derived then area_ref end as area_ref,
              ST_AsGeoJSON(geom, 15)::json as geometry from land_parcels order by ref`,
    );
    const feature = (r: (typeof rows)[number]) => ({
      type: 'Feature',
      properties: { ref: r.ref, ownerType: r.owner_type, status: r.status, priceSekPerM2: r.price ?? undefined, areaRef: r.area_ref ?? undefined },
      geometry: r.geometry,
    });
    await withTransaction(t.db, (c) => loadFeatures(c, 'land', rows.map(feature), { srid: 3006 }));
    await expectIndexExact(t, 'after loading the land as it is');
    const written = async () => new Map((await t.db.query(
      'select l.ref, s.xmin::text as site, (select min(u.xmin::text) from match_land_use u where u.parcel_id = l.id) as use from land_parcels l join match_land_site s on s.parcel_id = l.id',
    )).rows.map((r) => [r.ref as string, `${r.site}/${r.use}`]));
    const before = await written();

    const available = rows.filter((r) => r.status === 'available');
    const repriced = new Set(available.slice(0, 40).map((r) => r.ref));
    const moved = new Set(available.slice(40, 70).map((r) => r.ref));
    const restatused = new Set([...available.slice(70, 90), ...rows.filter((r) => r.status !== 'available').slice(0, 20)].map((r) => r.ref));
    const next = rows.map((r) => {
      const f = feature(r);
      if (repriced.has(r.ref)) f.properties.priceSekPerM2 = (r.price ?? 100) + 17;
      if (restatused.has(r.ref)) f.properties.status = r.status === 'available' ? 'sold' : 'available';
      if (moved.has(r.ref)) {
        f.geometry = { ...r.geometry, coordinates: r.geometry.coordinates.map((ring: number[][]) => ring.map(([x, y]: number[]) => [x + 35, y - 20])) };
        if (r.geometry.type === 'MultiPolygon') f.geometry.coordinates = r.geometry.coordinates.map((p: number[][][]) => p.map((ring) => ring.map(([x, y]) => [x + 35, y - 20])));
      }
      return f;
    });
    next.push({ type: 'Feature', properties: { ref: 'Ny 1:1', ownerType: 'municipal', status: 'available', priceSekPerM2: 900, areaRef: undefined },
      geometry: { type: 'Polygon', coordinates: [[[671000, 6571000], [671080, 6571000], [671080, 6571060], [671000, 6571060], [671000, 6571000]]] } });
    const summary = await withTransaction(t.db, (c) => loadFeatures(c, 'land', next, { srid: 3006 }));
    expect(summary).toMatchObject({ inserted: 1, updated: rows.length });
    await expectIndexExact(t, 'after a re-load with some parcels changed');
    await expectMatchesAsScratch(t, 'after a re-load');

    // what was recomputed: the changed parcels' rows, and none of the unchanged ones'
    const after = await written();
    const rewritten = rows.filter((r) => before.get(r.ref) !== after.get(r.ref)).map((r) => r.ref).sort();
    const changed = [...repriced, ...moved, ...restatused].sort();
    expect(rewritten).toEqual(changed);
  }, 120_000);
});
