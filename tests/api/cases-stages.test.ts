import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { createAccount, signIn, signedIn } from '../support/auth';
import { loadCaseWorld, insertRequest } from '../fixtures/cases/load';

type Agent = Awaited<ReturnType<typeof signIn>>;

describe('establishment cases: access, stage rules and timeline', () => {
  let t: TestApp;
  let staff: Agent;
  let staffId: number;

  beforeAll(async () => {
    t = await createTestApp();
    await loadCaseWorld(t.db);
    const s = await signedIn(t.app, t.db, 'business');
    staff = s.agent;
    staffId = s.account.id;
  });
  afterAll(async () => t.drop());

  const stageOf = async (id: number) => (await t.db.query('select stage, version from cases where id = $1', [id])).rows[0];
  async function newCase(body: Record<string, unknown> = { companyName: 'Testbolaget AB', jobsExpected: 10 }) {
    const res = await staff.post('/api/cases').send(body);
    expect(res.status).toBe(201);
    return res.body as { id: number; version: number; stage: string };
  }
  const move = (id: number, version: number, body: Record<string, unknown>) =>
    staff.post(`/api/cases/${id}/stage`).set('If-Match', `"${version}"`).send(body);

  test('when anonymous, owner or planner call the case and KPI endpoints, then 401 or 403 and nothing is created', async () => {
    expect((await request(t.app).get('/api/cases')).status).toBe(401);
    expect((await request(t.app).post('/api/cases').send({ companyName: 'X' })).status).toBe(401);
    expect((await request(t.app).get('/api/kpis')).status).toBe(401);
    for (const role of ['owner', 'planner'] as const) {
      const { agent } = await signedIn(t.app, t.db, role);
      expect((await agent.get('/api/cases')).status).toBe(403);
      expect((await agent.post('/api/cases').send({ companyName: 'X' })).body.code).toBe('forbidden');
      expect((await agent.get('/api/kpis')).status).toBe(403);
      expect((await agent.get('/api/checklist-items')).status).toBe(403);
    }
    const { rows } = await t.db.query("select count(*)::int as n from cases where company_name = 'X'");
    expect(rows[0].n).toBe(0);
  });

  test('when an admin signs in, then cases are open to them too', async () => {
    const { agent } = await signedIn(t.app, t.db, 'admin');
    expect((await agent.get('/api/cases')).status).toBe(200);
  });

  test('when a case is created from a saved request, then it starts in first_contact with the request linked and a first timeline event by the staff member', async () => {
    const requestId = await insertRequest(t.db, { company: 'Frånbegäran AB', jobs: 25 });
    const c = await newCase({ requestIds: [requestId] });
    const res = await staff.get(`/api/cases/${c.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    // the ETag covers the case row only, so the detail (with its timeline) must never be cached
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ companyName: 'Frånbegäran AB', jobsExpected: 25, stage: 'first_contact', contactEmail: 'astrid.kontakt@biolab.example' });
    expect(res.body.requests.map((r: { id: number }) => r.id)).toEqual([requestId]);
    expect(res.body.events).toHaveLength(1);
    expect(res.body.events[0]).toMatchObject({ kind: 'stage_change', toStage: 'first_contact', recordedBy: staffId });
    const { rows } = await t.db.query('select request_id from case_requests where case_id = $1', [c.id]);
    expect(rows).toEqual([{ request_id: requestId }]);
  });

  test('when the request id is unknown, then 400 names requestIds and no case is stored', async () => {
    const before = (await t.db.query('select count(*)::int as n from cases')).rows[0].n;
    const res = await staff.post('/api/cases').send({ requestIds: [999999] });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/requestIds/);
    expect((await t.db.query('select count(*)::int as n from cases')).rows[0].n).toBe(before);
  });

  test('when the case moves forward one stage, then no note is needed and a stage_change event records from and to', async () => {
    const c = await newCase();
    const res = await move(c.id, c.version, { stage: 'needs_analysis' });
    expect(res.status).toBe(200);
    expect(res.body.stage).toBe('needs_analysis');
    expect(res.body.events.at(-1)).toMatchObject({ kind: 'stage_change', fromStage: 'first_contact', toStage: 'needs_analysis', recordedBy: staffId });
  });

  test('when a stage is skipped without a note, then 400 note_required and the stage is unchanged; with a note it is allowed', async () => {
    const c = await newCase();
    const bad = await move(c.id, c.version, { stage: 'site_visit' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('note_required');
    expect(bad.body.message).toMatch(/^note:/);
    expect(await stageOf(c.id)).toEqual({ stage: 'first_contact', version: c.version });
    const blank = await move(c.id, c.version, { stage: 'established', note: '   ' });
    expect(blank.status).toBe(400);
    const ok = await move(c.id, c.version, { stage: 'site_visit', note: 'The company already knows what it wants' });
    expect(ok.status).toBe(200);
    expect(ok.body.stage).toBe('site_visit');
    expect(ok.body.events.at(-1).body).toBe('The company already knows what it wants');
  });

  test('when a case moves back to an earlier stage, then it is not a skip and needs no note', async () => {
    const c = await newCase();
    const a = await move(c.id, c.version, { stage: 'needs_analysis' });
    const b = await move(c.id, a.body.version, { stage: 'first_contact' });
    expect(b.status).toBe(200);
    expect(b.body.stage).toBe('first_contact');
  });

  test('when a case is lost without a reason, then 400 lost_reason_required; with one it closes and takes no edits until reopened', async () => {
    const c = await newCase();
    const noReason = await move(c.id, c.version, { stage: 'lost' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('lost_reason_required');
    expect((await stageOf(c.id)).stage).toBe('first_contact');

    const lost = await move(c.id, c.version, { stage: 'lost', lostReason: 'price', satisfactionScore: 4 });
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({ stage: 'lost', outcome: 'lost', lostReason: 'price', satisfactionScore: 4, closed: true });
    const v = lost.body.version;

    const edits = [
      await staff.post(`/api/cases/${c.id}/events`).send({ kind: 'note', body: 'late note' }),
      await staff.patch(`/api/cases/${c.id}`).set('If-Match', `"${v}"`).send({ sector: 'Other' }),
      await staff.post(`/api/cases/${c.id}/sites`).send({ kind: 'land', ref: 'Länna 4:12' }),
      await move(c.id, v, { stage: 'negotiation' }),
    ];
    for (const e of edits) {
      expect(e.status).toBe(409);
      expect(e.body.code).toBe('case_closed');
    }
    const { rows } = await t.db.query('select count(*)::int as n from case_events where case_id = $1', [c.id]);
    expect(rows[0].n).toBe(2);
    expect((await t.db.query('select sector from cases where id = $1', [c.id])).rows[0].sector).toBeNull();

    const noNote = await staff.post(`/api/cases/${c.id}/reopen`).set('If-Match', `"${v}"`).send({ stage: 'needs_analysis' });
    expect(noNote.status).toBe(400);
    const reopened = await staff.post(`/api/cases/${c.id}/reopen`).set('If-Match', `"${v}"`).send({ stage: 'needs_analysis', note: 'They called back' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ stage: 'needs_analysis', outcome: null, lostReason: null, satisfactionScore: null, closed: false });
    expect((await staff.post(`/api/cases/${c.id}/events`).send({ kind: 'call', body: 'Follow-up call' })).status).toBe(201);
  });

  test('when an established case moves to follow_up, then it keeps its outcome, takes notes, and has no further stage without reopening', async () => {
    const c = await newCase();
    let v = c.version;
    for (const stage of ['needs_analysis', 'site_proposals', 'site_visit', 'negotiation', 'decision', 'established']) {
      const r = await move(c.id, v, { stage, ...(stage === 'established' ? { satisfactionScore: 9 } : {}) });
      expect(r.status).toBe(200);
      v = r.body.version;
    }
    const fu = await move(c.id, v, { stage: 'follow_up' });
    expect(fu.status).toBe(200);
    expect(fu.body).toMatchObject({ stage: 'follow_up', outcome: 'established', satisfactionScore: 9, closed: false });
    expect((await staff.post(`/api/cases/${c.id}/events`).send({ kind: 'meeting', body: 'Follow-up meeting' })).status).toBe(201);
    const again = await move(c.id, fu.body.version, { stage: 'decision' });
    expect(again.status).toBe(409);
  });

  test('when follow_up is asked of an active case or the satisfaction score is outside 1–10, then 400 and nothing changes', async () => {
    const c = await newCase();
    expect((await move(c.id, c.version, { stage: 'follow_up' })).body.code).toBe('invalid_transition');
    const r = await move(c.id, c.version, { stage: 'lost', lostReason: 'timing', satisfactionScore: 11 });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/satisfactionScore/);
    expect(await stageOf(c.id)).toEqual({ stage: 'first_contact', version: c.version });
  });

  test('when If-Match is missing or stale, then 428 or 412 and the stage is unchanged', async () => {
    const c = await newCase();
    const missing = await staff.post(`/api/cases/${c.id}/stage`).send({ stage: 'needs_analysis' });
    expect(missing.status).toBe(428);
    const first = await move(c.id, c.version, { stage: 'needs_analysis' });
    expect(first.status).toBe(200);
    const stale = await move(c.id, c.version, { stage: 'site_proposals' });
    expect(stale.status).toBe(412);
    expect((await stageOf(c.id)).stage).toBe('needs_analysis');
    const patchStale = await staff.patch(`/api/cases/${c.id}`).set('If-Match', `"${c.version}"`).send({ sector: 'Logistik' });
    expect(patchStale.status).toBe(412);
    const patchOk = await staff.patch(`/api/cases/${c.id}`).set('If-Match', `"${first.body.version}"`).send({ sector: 'Logistik', officerId: staffId });
    expect(patchOk.status).toBe(200);
    expect(patchOk.body).toMatchObject({ sector: 'Logistik', officerId: staffId });
  });

  test('when the officer is not a business or admin account, then 400 names officerId', async () => {
    const owner = await createAccount(t.db, { role: 'owner' });
    const res = await staff.post('/api/cases').send({ companyName: 'Officer AB', officerId: owner.id });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^officerId/);
  });

  test('when events are back-registered, then the timeline is ordered by occurredAt and keeps who and when recorded', async () => {
    const c = await newCase({ companyName: 'Historik AB', occurredAt: '2026-01-05T09:00:00Z' });
    await staff.post(`/api/cases/${c.id}/events`).send({ kind: 'meeting', body: 'Met at the fair', occurredAt: '2026-01-20T10:00:00Z' });
    await staff.post(`/api/cases/${c.id}/events`).send({ kind: 'call', body: 'First call', occurredAt: '2026-01-10T08:30:00Z' });
    const res = await staff.post(`/api/cases/${c.id}/events`).send({ kind: 'note', body: 'Today' });
    expect(res.status).toBe(201);
    const ev = res.body.events as Array<{ kind: string; occurredAt: string; recordedAt: string; recordedBy: number }>;
    expect(ev.map((e) => e.kind)).toEqual(['stage_change', 'call', 'meeting', 'note']);
    expect(ev.slice(0, 3).map((e) => e.occurredAt)).toEqual(['2026-01-05T09:00:00.000Z', '2026-01-10T08:30:00.000Z', '2026-01-20T10:00:00.000Z']);
    for (const e of ev) expect(e.recordedBy).toBe(staffId);
    // recorded now, though it happened in January
    expect(Date.now() - new Date(ev[1].recordedAt).getTime()).toBeLessThan(60_000);
  });

  test('when occurredAt is in the future, then 400 names occurredAt and nothing is recorded', async () => {
    const c = await newCase();
    const future = new Date(Date.now() + 2 * 86_400_000).toISOString();
    for (const res of [
      await staff.post(`/api/cases/${c.id}/events`).send({ kind: 'note', body: 'x', occurredAt: future }),
      await move(c.id, c.version, { stage: 'needs_analysis', occurredAt: future }),
      await staff.post('/api/cases').send({ companyName: 'Framtid AB', occurredAt: future }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('occurred_in_future');
      expect(res.body.message).toMatch(/^occurredAt/);
    }
    expect((await t.db.query('select count(*)::int as n from case_events where case_id = $1', [c.id])).rows[0].n).toBe(1);
    expect((await t.db.query("select count(*)::int as n from cases where company_name = 'Framtid AB'")).rows[0].n).toBe(0);
  });

  test('when a stage change is back-dated before the current stage began, then 400', async () => {
    const c = await newCase({ companyName: 'Ordning AB', occurredAt: '2026-02-01T09:00:00Z' });
    const res = await move(c.id, c.version, { stage: 'needs_analysis', occurredAt: '2026-01-15T09:00:00Z' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('occurred_before_stage');
  });

  test('when sites are proposed and answered, then each is a timeline event and the response is kept per site', async () => {
    const c = await newCase();
    const a = await staff.post(`/api/cases/${c.id}/sites`).send({ kind: 'land', ref: 'Flemingsberg 1:1' });
    expect(a.status).toBe(201);
    await staff.post(`/api/cases/${c.id}/sites`).send({ kind: 'premises', ref: 'FLE-101' });
    const dup = await staff.post(`/api/cases/${c.id}/sites`).send({ kind: 'land', ref: 'Flemingsberg 1:1' });
    expect(dup.status).toBe(409);
    const unknown = await staff.post(`/api/cases/${c.id}/sites`).send({ kind: 'land', ref: 'Nowhere 1:1' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/^ref:/);
    const siteId = a.body.sites.find((s: { ref: string }) => s.ref === 'Flemingsberg 1:1').id;
    const r = await staff.put(`/api/cases/${c.id}/sites/${siteId}/response`).send({ response: 'interested' });
    expect(r.status).toBe(200);
    expect(r.body.sites.map((s: { ref: string; response: string; areaRef: string }) => [s.ref, s.response, s.areaRef])).toEqual([
      ['Flemingsberg 1:1', 'interested', 'flemingsberg'],
      ['FLE-101', 'pending', 'flemingsberg'],
    ]);
    expect(r.body.events.map((e: { kind: string }) => e.kind)).toEqual(['stage_change', 'site_proposed', 'site_proposed', 'site_response']);
    const bad = await staff.put(`/api/cases/${c.id}/sites/${siteId}/response`).send({ response: 'maybe' });
    expect(bad.status).toBe(400);
  });

  test('when a checklist item is ticked and the admin edits the process bank, then the case checklist follows', async () => {
    const c = await newCase();
    const detail = await staff.get(`/api/cases/${c.id}`);
    const item = detail.body.checklist.find((i: { stage: string }) => i.stage === 'first_contact');
    const ticked = await staff.put(`/api/cases/${c.id}/checklist/${item.id}`).send({ done: true });
    expect(ticked.status).toBe(200);
    expect(ticked.body.checklist.find((i: { id: number }) => i.id === item.id)).toMatchObject({ done: true, doneBy: staffId });

    // business staff cannot edit the bank; admin can
    expect((await staff.post('/api/checklist-items').send({ stage: 'site_visit', labelSv: 'Ta med karta', labelEn: 'Bring a map' })).status).toBe(403);
    const { agent: admin } = await signedIn(t.app, t.db, 'admin');
    const created = await admin.post('/api/checklist-items').send({ stage: 'site_visit', position: 9, labelSv: 'Ta med karta', labelEn: 'Bring a map' });
    expect(created.status).toBe(201);
    const stale = await admin.patch(`/api/checklist-items/${created.body.id}`).set('If-Match', '"99"').send({ active: false });
    expect(stale.status).toBe(412);
    const after = await staff.get(`/api/cases/${c.id}`);
    expect(after.body.checklist.some((i: { labelEn: string }) => i.labelEn === 'Bring a map')).toBe(true);
    const off = await admin.patch(`/api/checklist-items/${created.body.id}`).set('If-Match', created.headers.etag).send({ active: false });
    expect(off.status).toBe(200);
    expect((await staff.get(`/api/cases/${c.id}`)).body.checklist.some((i: { labelEn: string }) => i.labelEn === 'Bring a map')).toBe(false);
  });

  test('when another saved request is linked, then the case lists both; an unknown request is a 400 naming requestId', async () => {
    const first = await insertRequest(t.db, { company: 'Tvåkrav AB' });
    const second = await insertRequest(t.db, { company: 'Tvåkrav AB', criteria: { use: 'office', minAreaM2: 300 } });
    const c = await newCase({ requestIds: [first] });
    const res = await staff.post(`/api/cases/${c.id}/requests`).send({ requestId: second });
    expect(res.status).toBe(201);
    expect(res.body.requests.map((r: { id: number }) => r.id)).toEqual([first, second]);
    const bad = await staff.post(`/api/cases/${c.id}/requests`).send({ requestId: 999999 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^requestId/);
    const { rows } = await t.db.query('select count(*)::int as n from case_requests where case_id = $1', [c.id]);
    expect(rows[0].n).toBe(2);
  });

  test('when the OpenAPI document is read, then it describes the case, KPI, pitch and intake endpoints', async () => {
    const doc = (await request(t.app).get('/api/openapi.json')).body;
    for (const p of ['/api/cases', '/api/cases/{id}', '/api/cases/{id}/stage', '/api/cases/{id}/reopen', '/api/cases/{id}/events',
      '/api/cases/{id}/sites', '/api/cases/{id}/pitch-links', '/api/checklist-items', '/api/kpis', '/api/pitch/{token}',
      '/api/pitch/{token}/pdf', '/api/intake']) {
      expect({ p, documented: Boolean(doc.paths[p]) }).toEqual({ p, documented: true });
    }
    expect(doc.paths['/api/kpis'].get.responses[200].content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['openByStage', 'medianDaysToFirstProposal', 'medianDaysInStage', 'won', 'lost', 'lostReasons', 'jobsInOpenCases', 'jobsEstablished', 'satisfactionMean']),
    );
  });

  test('when the body has an unknown field or the id is not a number, then 400', async () => {
    expect((await staff.post('/api/cases').send({ companyName: 'A', colour: 'red' })).status).toBe(400);
    expect((await staff.get('/api/cases/abc')).status).toBe(400);
    expect((await staff.get('/api/cases/999999')).status).toBe(404);
  });
});
