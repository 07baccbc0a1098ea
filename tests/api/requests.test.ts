import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { signedIn } from '../support/auth';

const criteria = { use: 'logistics', minAreaM2: 5000, areas: ['lanna'] };
const company = {
  companyName: 'Nordlager AB',
  contactName: 'Eva Ek',
  contactEmail: 'eva@nordlager.example',
  contactPhone: '+46 8 123 456',
  sector: 'logistics',
  jobsExpected: 120,
  notes: 'Wants a cross-dock near the E4/E20',
  criteria,
};

describe('saved establishment requests', () => {
  let t: TestApp;
  // Requests hold personal data: the business unit reads and writes them.
  let staff: Awaited<ReturnType<typeof signedIn>>['agent'];
  beforeAll(async () => {
    t = await createTestApp({ seeded: true });
    staff = (await signedIn(t.app, t.db, 'business')).agent;
  });
  afterAll(() => t.drop());

  const countRows = async () => (await t.db.query('select count(*)::int as n from match_requests')).rows[0].n as number;

  test('when a request is saved, then 201 with its id, and the row holds the fields and the validated criteria', async () => {
    const res = await staff.post('/api/requests').send(company).expect(201);
    expect(res.body.id).toEqual(expect.any(Number));
    expect(res.headers.location).toBe(`/api/requests/${res.body.id}`);
    const { rows } = await t.db.query('select * from match_requests where id = $1', [res.body.id]);
    expect(rows[0].company_name).toBe('Nordlager AB');
    expect(rows[0].contact_email).toBe('eva@nordlager.example');
    expect(rows[0].jobs_expected).toBe(120);
    // stored as validated: the defaults of the match request are filled in
    expect(rows[0].criteria).toMatchObject({ ...criteria, need: 'any', limit: 20, includePlanned: false, stationModes: ['commuter_rail', 'metro', 'tram'] });
  });

  test('when a saved request is read, then it comes back with its contact fields', async () => {
    const saved = (await staff.post('/api/requests').send(company).expect(201)).body;
    const res = await staff.get(`/api/requests/${saved.id}`).expect(200);
    expect(res.body).toMatchObject({ id: saved.id, companyName: 'Nordlager AB', contactName: 'Eva Ek', sector: 'logistics', jobsExpected: 120 });
    expect(res.body.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  test('when requests are listed, then no contact field (personal data) is in the list', async () => {
    await staff.post('/api/requests').send(company).expect(201);
    const res = await staff.get('/api/requests').expect(200);
    expect(res.body.requests.length).toBe(await countRows());
    for (const r of res.body.requests) {
      expect(r).not.toHaveProperty('contactName');
      expect(r).not.toHaveProperty('contactEmail');
      expect(r).not.toHaveProperty('contactPhone');
    }
    expect(JSON.stringify(res.body)).not.toContain('eva@nordlager.example');
  });

  test('when a saved request is matched again, then the answer equals POST /api/match with its criteria', async () => {
    const saved = (await staff.post('/api/requests').send(company).expect(201)).body;
    const again = await staff.get(`/api/requests/${saved.id}/matches`).expect(200);
    const direct = await request(t.app).post('/api/match').send(criteria).expect(200);
    expect(again.body).toEqual(direct.body);
    expect(again.body.results.length).toBeGreaterThan(0);
  });

  test('when the data changes after saving, then the re-run sees the current data', async () => {
    const saved = (await staff.post('/api/requests').send(company).expect(201)).body;
    const before = (await staff.get(`/api/requests/${saved.id}/matches`).expect(200)).body;
    const top = before.results[0];
    const table = top.kind === 'land' ? 'land_parcels' : 'premises';
    const status = top.kind === 'land' ? 'sold' : 'let';
    await t.db.query(`update ${table} set status = $2 where ref = $1`, [top.ref, status]);
    try {
      const after = (await staff.get(`/api/requests/${saved.id}/matches`).expect(200)).body;
      expect(after.results.map((r: { ref: string }) => r.ref)).not.toContain(top.ref);
      expect(after.excluded.notAvailable).toBe(before.excluded.notAvailable + 1);
    } finally {
      await t.db.query(`update ${table} set status = 'available' where ref = $1`, [top.ref]);
    }
  });

  test.each([
    ['companyName is missing', { criteria }, 'companyName'],
    ['companyName is empty', { companyName: ' ', criteria }, 'companyName'],
    ['the e-mail is malformed', { companyName: 'A', contactEmail: 'not-an-email', criteria }, 'contactEmail'],
    ['jobsExpected is negative', { companyName: 'A', jobsExpected: -3, criteria }, 'jobsExpected'],
    ['criteria is missing', { companyName: 'A' }, 'criteria'],
    ['criteria has inverted bounds', { companyName: 'A', criteria: { ...criteria, maxAreaM2: 10 } }, 'criteria.maxAreaM2'],
    ['criteria has an unknown use', { companyName: 'A', criteria: { ...criteria, use: 'farming' } }, 'criteria.use'],
    ['criteria names an unknown area', { companyName: 'A', criteria: { ...criteria, areas: ['atlantis'] } }, 'atlantis'],
    ['an unknown field is sent', { companyName: 'A', criteria, budget: 5 }, 'budget'],
  ])('when %s, then 400 names the field and nothing is stored', async (_what, body, field) => {
    const before = await countRows();
    const res = await staff.post('/api/requests').send(body).expect(400);
    expect(res.body.message).toContain(field);
    expect(await countRows()).toBe(before);
  });

  test.each([
    ['/api/requests/abc', 400],
    ['/api/requests/0', 400],
    ['/api/requests/999999', 404],
    ['/api/requests/999999/matches', 404],
    ['/api/requests/1.5/matches', 400],
  ])('when %s is read, then %i', async (url, status) => {
    const res = await staff.get(url).expect(status);
    expect(typeof res.body.code).toBe('string');
  });

  test('when the list is asked with an unknown parameter, then 400', async () => {
    const res = await staff.get('/api/requests?sort=name').expect(400);
    expect(res.body.message).toContain('sort');
  });

  test.each([
    ['anonymous', null, 401],
    ['an owner', 'owner', 403],
    ['a planner', 'planner', 403],
  ] as const)('when %s saves or reads requests, then %s and nothing is stored', async (_who, role, status) => {
    const agent = role ? (await signedIn(t.app, t.db, role)).agent : request(t.app);
    const before = await countRows();
    const saved = (await staff.post('/api/requests').send(company).expect(201)).body;
    expect((await agent.post('/api/requests').send(company)).status).toBe(status);
    expect(await countRows()).toBe(before + 1);
    const read = await agent.get(`/api/requests/${saved.id}`);
    expect(read.status).toBe(status);
    expect(JSON.stringify(read.body)).not.toContain(company.contactEmail);
    expect((await agent.get('/api/requests')).status).toBe(status);
    expect((await agent.get(`/api/requests/${saved.id}/matches`)).status).toBe(status);
  });
});
