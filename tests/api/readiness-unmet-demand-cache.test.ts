// Unmet demand is cached per data revision (api/src/readiness/revision-key.sql): a second read
// with nothing changed gives the same answer, and any write it depends on (a saved request, a
// plan's status, a parcel) gives a fresh one. World: tests/fixtures/readiness/world.ts.
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { loadWorld } from '../fixtures/readiness/world';

describe('unmet demand cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadWorld(t.db);
    await t.db.query("insert into match_requests (company_name, criteria) values ('Bolag A', $1)", [{ use: 'logistics', minAreaM2: 300000, areas: ['alfa'] }]);
  });
  afterAll(() => t.drop());

  const read = async () => (await request(t.app).get('/api/readiness/unmet-demand').expect(200)).body;

  test('when nothing changed, then the second answer equals the first', async () => {
    expect(await read()).toEqual(await read());
  });

  test('when a saved request is added, then the answer counts it', async () => {
    const before = await read();
    await t.db.query("insert into match_requests (company_name, criteria) values ('Bolag B', $1)", [{ use: 'retail', need: 'land', minAreaM2: 15000 }]);
    const after = await read();
    expect(after.requests.total).toBe(before.requests.total + 1);
    expect(after.rows.some((r: { use: string }) => r.use === 'retail')).toBe(true);
  });

  test('when every parcel leaves the market, then the cached answer is not reused', async () => {
    const before = await read();
    const reasonsBefore = before.rows.find((r: { use: string }) => r.use === 'logistics').reasons;
    await t.db.query("update land_parcels set status = 'sold'");
    const after = await read();
    const reasonsAfter = after.rows.find((r: { use: string }) => r.use === 'logistics').reasons;
    expect(reasonsAfter.notAvailable).toBeGreaterThan(reasonsBefore.notAvailable);
  });
});
