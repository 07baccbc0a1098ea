// Issue 13, defects 7 and 13 (input side): a client's mistake is a 400, never a 500. Each case
// answered 500 internal_error on main (PostgreSQL refuses NUL in text and year 0; PROJ cannot
// put lon -100 into SWEREF 99 TM), or returned nothing for the whole world's bbox.
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { signedIn } from '../support/auth';

describe('client mistakes are 400s (issue 13: defects 7, 13)', () => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof signedIn>>['agent'];
  const fingerprint = async () =>
    (await t.db.query(`select (select count(*) from accounts) || '/' || (select count(*) from match_requests) || '/' || (select count(*) from premises) as f`)).rows[0].f;

  beforeAll(async () => {
    t = await createTestApp({ seeded: true, config: { loginAttemptsPer15Min: 1000 } });
    staff = (await signedIn(t.app, t.db, 'business')).agent;
  });
  afterAll(() => t.drop());

  const intake = { company: 'AB', contact: { name: 'A', email: 'a@example.test' }, use: 'office', minAreaM2: 100, consent: true };

  test.each([
    ['GET ?area=%00', () => request(t.app).get('/api/land?area=%00')],
    ['GET ?bbox=%00', () => request(t.app).get('/api/land?bbox=%00')],
    ['GET /api/premises/%00', () => request(t.app).get('/api/premises/%00')],
    ['GET /api/premises/a%00b', () => request(t.app).get('/api/premises/a%00b')],
    ['POST /api/match with a NUL in areas', () => staff.post('/api/match').send({ use: 'office', minAreaM2: 100, areas: ['lanna\u0000'] })],
    ['POST /api/intake with a NUL in company', () => request(t.app).post('/api/intake').send({ ...intake, company: 'A\u0000B' })],
    ['POST /api/intake with a NUL key', () => request(t.app).post('/api/intake').send({ ...intake, ['x\u0000']: 1 })],
    ['POST /api/auth/login with a NUL e-mail', () => request(t.app).post('/api/auth/login').send({ email: 'a\u0000@example.test', password: 'x' })],
    ['POST /api/auth/login with a NUL password', () => request(t.app).post('/api/auth/login').send({ email: 'a@example.test', password: 'x\u0000' })],
    ['POST /api/auth/signup with a NUL name', () => request(t.app).post('/api/auth/signup').send({ email: 'n@example.test', password: 'long-enough-pw', name: 'N\u0000' })],
    ['POST /api/match neededBy 0000-01-01', () => staff.post('/api/match').send({ use: 'office', minAreaM2: 100, neededBy: '0000-01-01' })],
    ['POST /api/intake neededBy 0000-01-01', () => request(t.app).post('/api/intake').send({ ...intake, neededBy: '0000-01-01' })],
    ['a body nested 10 000 deep', () => staff.post('/api/match').set('Content-Type', 'application/json').send(`{"use":"office","minAreaM2":100,"areas":${'['.repeat(10_000)}${']'.repeat(10_000)}}`)],
    ['GET ?bbox=-180,-90,-170,-80 (outside Sweden)', () => request(t.app).get('/api/land?bbox=-180,-90,-170,-80')],
  ])('when %s, then 400 with code and message, nothing stored', async (_what, send) => {
    const before = await fingerprint();
    const res = await send();
    expect(res.status).toBe(400);
    expect(typeof res.body.code).toBe('string');
    expect(typeof res.body.message).toBe('string');
    expect(await fingerprint()).toBe(before);
  });

  test('when bbox=-100,0,100,90 (beyond SWEREF 99 TM), then it is clamped to 3006\'s area of use: 200 with every parcel', async () => {
    const all = await request(t.app).get('/api/land').expect(200);
    const res = await request(t.app).get('/api/land?bbox=-100,0,100,90');
    expect(res.status).toBe(200);
    expect(res.body.features.length).toBe(all.body.features.length);
    expect(all.body.features.length).toBeGreaterThan(0);
  });

  test('when bbox=-180,-90,180,90 (the whole world), then every feature, as without a bbox', async () => {
    for (const layer of ['land', 'premises', 'plans', 'areas', 'stops']) {
      const all = await request(t.app).get(`/api/${layer}`).expect(200);
      const world = await request(t.app).get(`/api/${layer}?bbox=-180,-90,180,90`).expect(200);
      expect([layer, world.body.features.length]).toEqual([layer, all.body.features.length]);
    }
  });

  test('when a 3006 bbox reaches beyond the CRS\'s area of use, then it is clamped, not an error', async () => {
    const all = await request(t.app).get('/api/land').expect(200);
    const res = await request(t.app).get('/api/land?crs=3006&bbox=-5000000,0,5000000,10000000').expect(200);
    expect(res.body.features.length).toBe(all.body.features.length);
  });

  test('when a date is a real one in range, then it is still accepted (the year bound is not too tight)', async () => {
    const res = await staff.post('/api/match').send({ use: 'office', minAreaM2: 100, neededBy: '2030-02-28' });
    expect(res.status).toBe(200);
  });
});
