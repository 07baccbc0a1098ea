import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { createAccount, signIn } from '../support/auth';
import { E0, N0, point, premisesFeature } from './write-fixtures';

// A listing nothing seeded resembles: lab, 777 m², so the match identifies it by ref.
const MATCH = { need: 'premises', use: 'lab', minAreaM2: 770, maxAreaM2: 780, limit: 200 };

describe('stale listings', () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    t = await createTestApp({ seeded: true, config: { premisesStaleAfterDays: 30 } });
    const a = await createAccount(t.db, { role: 'owner' });
    owner = await signIn(t.app, a.email, a.password);
    await owner.post('/api/premises?crs=3006').send(premisesFeature('S-LAB', { kind: 'lab', floorAreaM2: 777 }, point(E0, N0))).expect(201);
  });
  afterAll(() => t.drop());

  const matched = async () => {
    const res = await request(t.app).post('/api/match').send(MATCH).expect(200);
    return { refs: res.body.results.map((r: { ref: string }) => r.ref), excluded: res.body.excluded };
  };
  const stale = async () => (await request(t.app).get('/api/premises/S-LAB').expect(200)).body.properties.stale;

  test('when a listing was confirmed within the period, then it is not stale and it matches', async () => {
    expect(await stale()).toBe(false);
    expect((await matched()).refs).toContain('S-LAB');
  });

  test('when it was last confirmed longer ago than the period, then it is stale in /api/premises and leaves the matching', async () => {
    await t.db.query("update premises set confirmed_at = now() - interval '31 days' where ref = 'S-LAB'");
    expect(await stale()).toBe(true);
    const list = await request(t.app).get('/api/premises?kind=lab').expect(200);
    expect(list.body.features.find((f: { properties: { ref: string } }) => f.properties.ref === 'S-LAB').properties.stale).toBe(true);
    const m = await matched();
    expect(m.refs).not.toContain('S-LAB');
    expect(m.excluded.notAvailable).toBeGreaterThanOrEqual(1);
  });

  test('when one day short of the period, then it is not yet stale', async () => {
    await t.db.query("update premises set confirmed_at = now() - interval '29 days' where ref = 'S-LAB'");
    expect(await stale()).toBe(false);
  });

  test('when the owner clicks "still available", then it is fresh again and returns to the matching', async () => {
    await t.db.query("update premises set confirmed_at = now() - interval '120 days' where ref = 'S-LAB'");
    expect((await matched()).refs).not.toContain('S-LAB');
    const res = await owner.post('/api/premises/S-LAB/confirm').expect(200);
    expect(res.body.properties.stale).toBe(false);
    const { rows } = await t.db.query("select now() - confirmed_at < interval '1 minute' as fresh from premises where ref = 'S-LAB'");
    expect(rows[0].fresh).toBe(true);
    expect(await stale()).toBe(false);
    expect((await matched()).refs).toContain('S-LAB');
  });
});
