// Rule 6 (building rights) and rule 3's frequency filter beyond the golden fixtures: what the
// criteria say, and readiness's buildable floor area, over the building-rights fixture world
// (tests/fixtures/matching/building-rights, figures worked out in its expected.json `why`).
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { loadFeatures } from '../../api/src/layers/loader';
import { withTransaction } from '../../api/src/db/transaction';
import type { LayerName } from '../../api/src/layers/registry';

const ROOT = path.join(__dirname, '../fixtures/matching');

async function loadWorld(t: TestApp, name: string): Promise<void> {
  const dir = path.join(ROOT, name);
  await withTransaction(t.db, async (client) => {
    for (const layer of ['areas', 'stops', 'plans', 'land', 'premises'] as LayerName[]) {
      const file = path.join(dir, 'in', `${layer}.geojson`);
      if (fs.existsSync(file)) await loadFeatures(client, layer, JSON.parse(fs.readFileSync(file, 'utf8')).features, { srid: 3006 });
    }
  });
  await t.db.query(fs.readFileSync(path.join(dir, 'setup.sql'), 'utf8'));
}

describe('building rights in the match and in readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadWorld(t, 'building-rights');
  });
  afterAll(() => t.drop());

  test('when a parcel\'s building right is unknown, then it passes the bound and its criteria say so', async () => {
    const res = await request(t.app).post('/api/match')
      .send({ need: 'land', use: 'industry', minAreaM2: 5000, minGrossFloorAreaM2: 4200 }).expect(200);
    const half = res.body.results.find((r: { ref: string }) => r.ref === 'L-HALF');
    expect(half.buildingRight).toEqual({ grossFloorAreaM2: null, buildingFootprintM2: null, maxHeightM: 20 });
    expect(half.criteria.size.detail).toMatch(/building right \(gross floor area\) unknown, so not checked against 4,200 m²/);
    const mix = res.body.results.find((r: { ref: string }) => r.ref === 'L-MIX');
    expect(mix.criteria.size.detail).toMatch(/building right 4,500 m² gross floor area; needs at least 4,200 m²/);
  });

  test('when no building-right bound is asked, then the criteria do not mention it', async () => {
    const res = await request(t.app).post('/api/match').send({ need: 'land', use: 'industry', minAreaM2: 5000 }).expect(200);
    for (const r of res.body.results) expect(r.criteria.size.detail).not.toMatch(/building right/);
  });

  test('when readiness is read, then buildable floor area sums the known ready building rights and the unknown hectares are named', async () => {
    const res = await request(t.app).get('/api/readiness?area=testomrade&use=industry').expect(200);
    const row = res.body.rows[0];
    // ready: L-PCT, L-MIX, L-ABS, L-HALF, L-UNK, 10 000 m² each; L-REV only in progress
    expect(row.readyHa).toBe(5);
    // known: 5 000 + 4 500 + 4 000; L-HALF and L-UNK (2 ha) unknown
    expect(row.buildableGrossFloorAreaM2).toBe(13500);
    expect(row.buildingRightUnknownHa).toBe(2);
  });

  test('when a zone gains the missing building right, then the match and readiness see it in the same transaction', async () => {
    await withTransaction(t.db, async (client) => {
      await client.query("update plan_zones set max_gross_floor_area_percent = 30 where ref = 'Z-NONE'");
      const { rows } = await client.query(
        "select u.ready_gfa_m2 from match_land_use u join land_parcels l on l.id = u.parcel_id where l.ref = 'L-UNK' and u.use = 'industry'",
      );
      expect(rows[0].ready_gfa_m2).toBeCloseTo(3000, 6);
      throw Object.assign(new Error('rollback'), { rollback: true });
    }).catch((e) => { if (!e.rollback) throw e; });
    const res = await request(t.app).get('/api/readiness?area=testomrade&use=industry').expect(200);
    expect(res.body.rows[0].buildingRightUnknownHa).toBe(2);
  });
});

describe('frequency in the match', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadWorld(t, 'frequency');
  });
  afterAll(() => t.drop());

  test('when minDeparturesPerHour is asked, then the transit detail names the frequency of the stop that qualified', async () => {
    const res = await request(t.app).post('/api/match')
      .send({ need: 'land', use: 'industry', minAreaM2: 5000, minDeparturesPerHour: 10 }).expect(200);
    expect(res.body.results[0].criteria.transit.detail).toBe('300 m to S-MID station (commuter rail, 12 departures an hour 07–09, needs at least 10)');
  });

  test('when no stop runs often enough, then the detail says what was needed', async () => {
    const res = await request(t.app).post('/api/match')
      .send({ need: 'land', use: 'industry', minAreaM2: 5000, minDeparturesPerHour: 40 }).expect(200);
    expect(res.body.results[0].criteria.transit.detail).toMatch(/no stop served by commuter rail, metro, tram with at least 40 departures an hour/);
  });

  test('when minDeparturesPerHour is negative, then 400 names the field', async () => {
    const res = await request(t.app).post('/api/match').send({ use: 'industry', minAreaM2: 5000, minDeparturesPerHour: -1 }).expect(400);
    expect(res.body.message).toMatch(/minDeparturesPerHour/);
  });
});
