import { createTestApp, type TestApp } from '../support/test-app';
import { signedIn, signIn } from '../support/auth';
import type { Queryable } from '../../api/src/db/pool';

type Agent = Awaited<ReturnType<typeof signIn>>;

/**
 * A fixture of cases with known dates, inserted straight into the tables (every event with
 * an explicit occurredAt, all at 09:00 UTC so days are whole). Expected figures are worked
 * out by hand below, never taken from the code's output.
 */
interface FixtureCase {
  company: string;
  jobs: number;
  /** expected investment, MSEK */
  investment?: number;
  stage: string;
  outcome?: 'established' | 'lost';
  lostReason?: string;
  satisfaction?: number;
  /** [kind, date, toStage or site ref] */
  events: Array<[string, string, string?]>;
}

const CASES: FixtureCase[] = [
  {
    company: 'Alfa AB', jobs: 50, investment: 20, stage: 'site_proposals',
    events: [
      ['stage_change', '2026-01-01', 'first_contact'],
      ['stage_change', '2026-01-05', 'needs_analysis'], // first_contact stay 4
      ['site_proposed', '2026-01-11', 'Alfa 1:1'], // 10 days to first proposal
      ['stage_change', '2026-01-11', 'site_proposals'], // needs_analysis stay 6
    ],
  },
  {
    company: 'Beta AB', jobs: 120, investment: 150, stage: 'established', outcome: 'established', satisfaction: 8,
    events: [
      ['stage_change', '2026-01-10', 'first_contact'],
      ['stage_change', '2026-01-12', 'needs_analysis'], // first_contact 2
      ['stage_change', '2026-01-20', 'site_proposals'], // needs_analysis 8
      ['site_proposed', '2026-01-24', 'Beta 1:1'], // 14 days to first proposal
      ['site_proposed', '2026-01-25', 'Beta 1:2'],
      ['stage_change', '2026-02-01', 'site_visit'], // site_proposals 12
      ['stage_change', '2026-02-11', 'negotiation'], // site_visit 10
      ['stage_change', '2026-02-21', 'decision'], // negotiation 10
      ['stage_change', '2026-03-01', 'established'], // decision 8; established not ended
    ],
  },
  {
    company: 'Gamma AB', jobs: 30, investment: 10, stage: 'lost', outcome: 'lost', lostReason: 'price', satisfaction: 5,
    events: [
      ['stage_change', '2026-02-01', 'first_contact'],
      ['stage_change', '2026-02-08', 'needs_analysis'], // first_contact 7
      ['note', '2026-02-10'],
      ['stage_change', '2026-02-20', 'lost'], // needs_analysis 12
    ],
  },
  {
    company: 'Delta AB', jobs: 15, investment: 5.5, stage: 'first_contact',
    events: [
      ['stage_change', '2026-02-10', 'first_contact'],
      ['call', '2026-02-10'],
      ['site_proposed', '2026-02-13', 'Delta 1:1'], // 3 days to first proposal
    ],
  },
  {
    company: 'Foxtrot AB', jobs: 5, stage: 'first_contact',
    events: [
      ['stage_change', '2026-03-01', 'first_contact'],
      ['site_proposed', '2026-03-08', 'Foxtrot 1:1'], // 7 days to first proposal
    ],
  },
  {
    // opened before the period: only in the unbounded figures
    company: 'Epsilon AB', jobs: 200, investment: 300, stage: 'established', outcome: 'established', satisfaction: 10,
    events: [
      ['stage_change', '2025-12-01', 'first_contact'],
      ['stage_change', '2025-12-21', 'established'], // first_contact 20
    ],
  },
];

async function insertFixture(db: Queryable): Promise<void> {
  for (const c of CASES) {
    const { rows } = await db.query(
      `insert into cases (company_name, jobs_expected, stage, outcome, lost_reason, satisfaction_score, investment_msek, contact_email)
       values ($1, $2, $3, $4, $5, $6, $7, 'someone@example.test') returning id`,
      [c.company, c.jobs, c.stage, c.outcome ?? null, c.lostReason ?? null, c.satisfaction ?? null, c.investment ?? null],
    );
    const id = rows[0].id;
    for (const [kind, date, what] of c.events) {
      const at = `${date}T09:00:00Z`;
      if (kind === 'site_proposed') {
        // the sites need not exist in a layer for the KPIs; the table only keeps the ref
        await db.query(`insert into case_sites (case_id, site_kind, site_ref, proposed_at) values ($1, 'land', $2, $3)`, [id, what, at]);
        await db.query(`insert into case_events (case_id, kind, occurred_at, site_kind, site_ref) values ($1, 'site_proposed', $2, 'land', $3)`, [id, at, what]);
      } else if (kind === 'stage_change') {
        await db.query(`insert into case_events (case_id, kind, occurred_at, to_stage) values ($1, 'stage_change', $2, $3)`, [id, at, what]);
      } else {
        await db.query(`insert into case_events (case_id, kind, occurred_at, body) values ($1, $2, $3, 'x')`, [id, kind, at]);
      }
    }
  }
  const requests: Array<[string, string, string[] | null]> = [
    ['2026-01-15', 'office', ['flemingsberg']],
    ['2026-01-20', 'office', ['flemingsberg', 'lanna']],
    ['2026-02-03', 'logistics', null],
    ['2025-12-10', 'lab', ['flemingsberg']],
  ];
  for (const [date, use, areas] of requests) {
    await db.query(`insert into match_requests (company_name, criteria, created_at) values ('R', $1, $2)`, [
      JSON.stringify({ use, minAreaM2: 1000, ...(areas ? { areas } : {}) }),
      `${date}T09:00:00Z`,
    ]);
  }
}

describe('KPIs of the business unit', () => {
  let t: TestApp;
  let staff: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    await insertFixture(t.db);
    staff = (await signedIn(t.app, t.db, 'business')).agent;
  });
  afterAll(async () => t.drop());

  test('when the KPIs of Q1 2026 are asked, then every figure matches the hand-worked fixture', async () => {
    const res = await staff.get('/api/kpis?from=2026-01-01&to=2026-03-31');
    expect(res.status).toBe(200);
    const k = res.body;
    // cases opened in the period: Alfa, Beta, Gamma, Delta, Foxtrot (Epsilon opened 2025-12-01)
    expect(k.casesInPeriod).toBe(5);
    // open: Alfa site_proposals; Delta and Foxtrot first_contact
    expect(k.openByStage).toEqual({ first_contact: 2, needs_analysis: 0, site_proposals: 1, site_visit: 0, negotiation: 0, decision: 0 });
    // days to first proposal: Alfa 10, Beta 14, Delta 3, Foxtrot 7 -> sorted 3, 7, 10, 14 -> (7 + 10) / 2 = 8.5
    expect(k.medianDaysToFirstProposal).toBe(8.5);
    // completed stays: first_contact Alfa 4, Beta 2, Gamma 7 -> 2, 4, 7 -> 4
    //   needs_analysis Alfa 6, Beta 8, Gamma 12 -> 8; site_proposals Beta 12; site_visit Beta 10;
    //   negotiation Beta 10; decision Beta 8; established, lost and follow_up: no stay has ended
    expect(k.medianDaysInStage).toEqual({
      first_contact: 4, needs_analysis: 8, site_proposals: 12, site_visit: 10, negotiation: 10, decision: 8,
      established: null, lost: null, follow_up: null,
    });
    expect(k.won).toBe(1); // Beta
    expect(k.lost).toBe(1); // Gamma
    expect(k.lostReasons).toEqual({ price: 1 });
    expect(k.jobsInOpenCases).toBe(70); // Alfa 50 + Delta 15 + Foxtrot 5
    expect(k.jobsEstablished).toBe(120); // Beta
    expect(k.investmentMsekInOpenCases).toBe(25.5); // Alfa 20 + Delta 5.5 + Foxtrot none
    expect(k.investmentMsekEstablished).toBe(150); // Beta
    expect(k.satisfactionMean).toBe(6.5); // (Beta 8 + Gamma 5) / 2
    expect(k.proposalsPerCase).toBe(1); // (Alfa 1 + Beta 2 + Gamma 0 + Delta 1 + Foxtrot 1) / 5
    // requests per month, use and named area (a request naming two areas counts in both)
    expect(k.requestsPerUseAndArea).toEqual([
      { month: '2026-01', use: 'office', areaRef: 'flemingsberg', requests: 2 },
      { month: '2026-01', use: 'office', areaRef: 'lanna', requests: 1 },
      { month: '2026-02', use: 'logistics', areaRef: null, requests: 1 },
    ]);
  });

  test('when no period is given, then cases opened earlier count too', async () => {
    const k = (await staff.get('/api/kpis')).body;
    expect(k.casesInPeriod).toBe(6);
    // first_contact stays: 2, 4, 7, 20 (Epsilon) -> (4 + 7) / 2 = 5.5
    expect(k.medianDaysInStage.first_contact).toBe(5.5);
    expect(k.won).toBe(2);
    expect(k.jobsEstablished).toBe(320); // 120 + 200
    expect(k.investmentMsekEstablished).toBe(450); // 150 + 300
    expect(k.satisfactionMean).toBe(7.67); // (8 + 5 + 10) / 3 = 7.666… rounded to 2 decimals
  });

  test('when the period holds no case, then counts are zero and medians and means null', async () => {
    const k = (await staff.get('/api/kpis?from=2030-01-01&to=2030-12-31')).body;
    expect(k).toMatchObject({ casesInPeriod: 0, medianDaysToFirstProposal: null, won: 0, lost: 0, lostReasons: {}, jobsInOpenCases: 0, satisfactionMean: null, proposalsPerCase: null });
    expect(Object.values(k.openByStage)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test('when CSV is asked, then the same figures come as metric,key,month,use,areaRef,value rows', async () => {
    const res = await staff.get('/api/kpis?from=2026-01-01&to=2026-03-31&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('metric,key,month,use,areaRef,value');
    expect(lines).toContain('openByStage,first_contact,,,,2');
    expect(lines).toContain('medianDaysToFirstProposal,,,,,8.5');
    expect(lines).toContain('medianDaysInStage,needs_analysis,,,,8');
    expect(lines).toContain('lostReasons,price,,,,1');
    expect(lines).toContain('jobsInOpenCases,,,,,70');
    expect(lines).toContain('requests,,2026-01,office,lanna,1');
  });

  test('when the period is malformed or reversed, or a parameter is unknown, then 400 naming it', async () => {
    const a = await staff.get('/api/kpis?from=2026-02-30');
    expect(a.status).toBe(400);
    expect(a.body.message).toMatch(/^from/);
    const b = await staff.get('/api/kpis?from=2026-03-01&to=2026-01-01');
    expect(b.status).toBe(400);
    expect(b.body.message).toMatch(/from/);
    expect((await staff.get('/api/kpis?format=xml')).status).toBe(400);
    expect((await staff.get('/api/kpis?colour=red')).status).toBe(400);
  });
});
