import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { loadCaseWorld } from '../fixtures/cases/load';
import { INTAKE_LIMIT } from '../../api/src/intake/routes';

const VALID = {
  company: 'Nya Lager AB',
  orgNumber: '556677-8899',
  contact: { name: 'Per Persson', email: 'per@nyalager.example', phone: '08-123 456' },
  sector: 'Logistik',
  jobs: 35,
  investmentMsek: 12.5,
  need: 'land',
  use: 'logistics',
  minAreaM2: 10000,
  maxAreaM2: 30000,
  areas: ['lanna'],
  neededBy: '2027-12-31',
  message: 'Vi söker mark nära väg 73.',
  consent: true,
};

const counts = async (t: TestApp) =>
  (await t.db.query('select (select count(*) from cases)::int as cases, (select count(*) from match_requests)::int as requests')).rows[0];

describe('the public intake form', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadCaseWorld(t.db);
  });
  afterAll(async () => t.drop());

  test('when a company sends a valid form, then a case opens in first_contact with a saved request holding its criteria', async () => {
    const res = await request(t.app).post('/api/intake').send(VALID);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ status: 'received', reference: expect.stringMatching(/^ETB-\d{6}$/) });
    const caseId = Number(res.body.reference.slice(4));
    const { rows } = await t.db.query(
      `select c.stage, c.source, c.company_name, c.investment_msek, c.contact_email, c.jobs_expected, c.org_number, r.criteria, r.contact_name,
              (select count(*)::int from case_events e where e.case_id = c.id and e.kind = 'stage_change' and e.to_stage = 'first_contact') as opened
       from cases c join case_requests cr on cr.case_id = c.id join match_requests r on r.id = cr.request_id
       where c.id = $1`,
      [caseId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      stage: 'first_contact', source: 'intake', company_name: 'Nya Lager AB', contact_email: 'per@nyalager.example',
      jobs_expected: 35, investment_msek: 12.5, org_number: '556677-8899', contact_name: 'Per Persson', opened: 1,
    });
    expect(rows[0].criteria).toMatchObject({ need: 'land', use: 'logistics', minAreaM2: 10000, maxAreaM2: 30000, areas: ['lanna'], neededBy: '2027-12-31' });
  });

  test('when a field is missing or malformed, then 400 names it and nothing is stored', async () => {
    // an app of its own, so these requests do not eat into the other tests' rate limit
    const v = await createTestApp();
    await loadCaseWorld(v.db);
    const before = await counts(v);
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...VALID, company: '' }, /^company/],
      [{ ...VALID, contact: { ...VALID.contact, email: 'not-an-email' } }, /^contact\.email/],
      [{ ...VALID, use: 'housing' }, /^use/],
      [{ ...VALID, minAreaM2: -5 }, /^minAreaM2/],
      [{ ...VALID, maxAreaM2: 10 }, /^maxAreaM2/],
      [{ ...VALID, consent: false }, /^consent/],
      [{ ...VALID, areas: ['atlantis'] }, /^areas/],
      [{ ...VALID, neededBy: '2027-02-30' }, /^neededBy/],
      [{ ...VALID, isAdmin: true }, /isAdmin/],
    ];
    for (const [body, field] of cases) {
      const res = await request(v.app).post('/api/intake').send(body);
      expect({ field: String(field), status: res.status }).toEqual({ field: String(field), status: 400 });
      expect(res.body.message).toMatch(field);
    }
    expect(await counts(v)).toEqual(before);
    await v.drop();
  });

  test('when one address sends more forms than the limit, then 429 and no more cases are made', async () => {
    const fresh = await createTestApp();
    await loadCaseWorld(fresh.db);
    try {
      for (let i = 0; i < INTAKE_LIMIT.limit; i++) {
        expect((await request(fresh.app).post('/api/intake').send({ ...VALID, company: `Bolag ${i}` })).status).toBe(201);
      }
      const res = await request(fresh.app).post('/api/intake').send({ ...VALID, company: 'För mycket AB' });
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('too_many_requests');
      expect((await counts(fresh)).cases).toBe(INTAKE_LIMIT.limit);
    } finally {
      await fresh.drop();
    }
  });
});
