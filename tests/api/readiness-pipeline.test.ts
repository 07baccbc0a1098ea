import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { loadWorld } from '../fixtures/readiness/world';

// The ten plans of tests/fixtures/readiness/world.ts; status dates are relative to today.
type Plan = { planId: string; status: string; year: string; stuck: boolean; implementationEndsSoon: boolean };

describe('GET /api/readiness/pipeline on the fixture world', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadWorld(t.db);
  });
  afterAll(() => t.drop());

  test('when asked, then plans are counted by status and by year × status as drawn', async () => {
    const res = await request(t.app).get('/api/readiness/pipeline').expect(200);
    // Every status of the national codelist is counted, zero or not (docs: plan statuses).
    expect(res.body.byStatus).toEqual({
      programme: 1, started: 0, consultation: 1, review: 1, adopted: 1, appealed: 0, supervision: 0, in_force: 5, cancelled: 1, discontinued: 0,
    });
    const cells = res.body.byYear.map((c: { year: string; status: string; plans: number }) => `${c.year} ${c.status} ${c.plans}`);
    expect(cells).toEqual([
      '2010 in_force 1', // P2
      '2012 in_force 1', // P9
      '2015 in_force 1', // P1
      '2018 in_force 1', // P8
      '2021 in_force 1', // P7
      '2027 adopted 1', // P10
      '2028 consultation 1', // P3
      'unknown programme 1', // P5
      'unknown review 1', // P4
      'unknown cancelled 1', // P6
    ]);
    const p3 = res.body.plans.find((p: Plan) => p.planId === 'P3');
    expect(p3).toMatchObject({ status: 'consultation', expectedLegalForceDate: '2028-06-30', year: '2028', areaRefs: ['alfa'], useCodes: ['J', 'K1'] });
    expect(p3.zoneHa).toBeCloseTo(25, 6); // 500 × 500 m
    const p7 = res.body.plans.find((p: Plan) => p.planId === 'P7');
    expect(p7.areaRefs).toEqual(['alfa', 'beta']);
  });

  test('when a plan is in force and its implementation period ends within two years, then it is listed as ending soon', async () => {
    const res = await request(t.app).get('/api/readiness/pipeline').expect(200);
    // P1 ends in 1 year; P7 in 3 years; P2 ended in 2020.
    expect(res.body.implementationEndingSoon.map((p: Plan) => p.planId)).toEqual(['P1']);
    expect(res.body.implementationWindowYears).toBe(2);
  });

  test('when a plan has stayed in an open status longer than configured, then it is listed as stuck', async () => {
    const res = await request(t.app).get('/api/readiness/pipeline').expect(200);
    // 365 days by default: P3 (consultation, 500 days) and P5 (programme, 1000 days); not P4 (30), P10 (10),
    // nor in-force or cancelled plans however old.
    expect(res.body.stuckAfterDays).toBe(365);
    expect(res.body.stuck.map((p: Plan) => p.planId).sort()).toEqual(['P3', 'P5']);
    expect(res.body.plans.find((p: Plan) => p.planId === 'P3').daysInStatus).toBeGreaterThanOrEqual(499);
  });

  test('when the stuck limit is configured shorter, then more plans are stuck', async () => {
    const t2 = await createTestApp({ config: { planStuckAfterDays: 20 } });
    try {
      await loadWorld(t2.db);
      const res = await request(t2.app).get('/api/readiness/pipeline').expect(200);
      expect(res.body.stuck.map((p: Plan) => p.planId).sort()).toEqual(['P3', 'P4', 'P5']);
    } finally {
      await t2.drop();
    }
  });

  test('when filtered by area or status, then only those plans come back', async () => {
    const alfa = await request(t.app).get('/api/readiness/pipeline?area=alfa').expect(200);
    expect(alfa.body.plans.map((p: Plan) => p.planId).sort()).toEqual(['P1', 'P2', 'P3', 'P7']);
    const inForce = await request(t.app).get('/api/readiness/pipeline?area=beta&status=in_force').expect(200);
    expect(inForce.body.plans.map((p: Plan) => p.planId)).toEqual(['P7']);
  });

  test.each([
    ['area=nowhere', 'area'],
    ['status=draft', 'status'],
    ['since=2020', 'since'],
  ])('when the query is %s, then 400 names the field', async (qs, field) => {
    const res = await request(t.app).get(`/api/readiness/pipeline?${qs}`).expect(400);
    expect(res.body.message).toContain(field);
  });

  test('when CSV is asked for in English, then one line per plan follows a header, with a BOM', async () => {
    const res = await request(t.app).get('/api/readiness/pipeline?format=csv&lang=en').expect(200);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const lines = res.text.slice(1).trim().split('\r\n');
    expect(lines[0].startsWith('Plan id,Name,Status,Year')).toBe(true);
    expect(lines).toHaveLength(11);
    expect(lines.find((l) => l.startsWith('P3,'))).toContain(',consultation,2028,');
  });
});
