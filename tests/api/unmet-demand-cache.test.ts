import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { loadWorld } from '../fixtures/readiness/world';

// Issue 13, defect 5: the public unmet-demand endpoint re-ran a match per saved request on
// every call (7–8 s with 31 requests), and was not limited.
describe('GET /api/readiness/unmet-demand: cached per revision and rate limited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { unmetDemandPerMinute: 1000 } });
    await loadWorld(t.db);
    await t.db.query("insert into match_requests (company_name, criteria) values ('Bolag A', $1)", [{ use: 'logistics', minAreaM2: 300000, areas: ['alfa'] }]);
  });
  afterAll(() => t.drop());

  const unmet = async () => (await request(t.app).get('/api/readiness/unmet-demand').expect(200)).body;

  test('when nothing it depends on changed, then the answer is not recomputed; a change of requests or layers recomputes it', async () => {
    const first = await unmet();
    expect(first.requests.total).toBe(1);
    // A change that bypasses the revision triggers (replica role: triggers off) is not seen:
    // proof that the second answer comes from the cache, not from a new computation.
    const c = await t.db.connect();
    try {
      await c.query("set session_replication_role = 'replica'");
      await c.query("insert into match_requests (company_name, criteria) values ('Bolag B', $1)", [{ use: 'office', need: 'land', minAreaM2: 900000 }]);
    } finally {
      await c.query("set session_replication_role = 'origin'");
      c.release();
    }
    expect(await unmet()).toEqual(first);
    // Four calls at once share that answer.
    const parallel = await Promise.all([1, 2, 3, 4].map(() => unmet()));
    for (const p of parallel) expect(p).toEqual(first);

    // A saved request changes (trigger bumps its revision): recomputed, both requests counted.
    await t.db.query("update match_requests set notes = 'ring tillbaka' where company_name = 'Bolag A'");
    const second = await unmet();
    expect(second.requests.total).toBe(2);
    expect(second.rows.map((r: { use: string }) => r.use)).toEqual(['office', 'logistics']);

    // A layer changes (a parcel sold): recomputed, the notAvailable counts move.
    const { rows } = await t.db.query("select revision from layer_revisions where layer = 'land'");
    await t.db.query("update land_parcels set status = 'sold' where ref in (select ref from land_parcels limit 1)");
    expect((await t.db.query("select revision from layer_revisions where layer = 'land'")).rows[0].revision).toBeGreaterThan(rows[0].revision);
    const third = await unmet();
    expect(third.requests.total).toBe(2);
    const reasons = (a: { rows: Array<{ reasons: Record<string, number> }> }) => a.rows.map((r) => r.reasons.notAvailable);
    expect(reasons(third)).not.toEqual(reasons(second));
  });

  test('when one address calls it past the per-minute limit, then 429 with Retry-After', async () => {
    const limited = await createTestApp({ config: { unmetDemandPerMinute: 3 } });
    try {
      const statuses: number[] = [];
      let last: request.Response | undefined;
      for (let i = 0; i < 4; i++) {
        last = await request(limited.app).get('/api/readiness/unmet-demand');
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(last!.body.code).toBe('too_many_requests');
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.drop();
    }
  });
});
