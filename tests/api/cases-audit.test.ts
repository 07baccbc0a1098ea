import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { createAccount, signedIn } from '../support/auth';
import { loadCaseWorld, insertRequest } from '../fixtures/cases/load';

type Agent = Awaited<ReturnType<typeof signedIn>>['agent'];
interface Entry {
  id: number;
  at: string;
  accountId: number | null;
  accountEmail: string | null;
  entity: string;
  ref: string;
  action: string;
  before: Record<string, any> | null;
  after: Record<string, any> | null;
}

/** Every change to a case is in the audit log, in the same transaction as the change (issue 5). */
describe('establishment cases: audit log', () => {
  let t: TestApp;
  let staff: Agent;
  let staffId: number;
  let staffEmail: string;
  let admin: Agent;
  let adminId: number;
  let adminEmail: string;

  beforeAll(async () => {
    t = await createTestApp();
    await loadCaseWorld(t.db);
    const s = await signedIn(t.app, t.db, 'business');
    staff = s.agent;
    staffId = s.account.id;
    staffEmail = s.account.email;
    const a = await signedIn(t.app, t.db, 'admin');
    admin = a.agent;
    adminId = a.account.id;
    adminEmail = a.account.email;
  });
  afterAll(async () => t.drop());

  /** The case's trail through the public read API, newest first. */
  async function trail(caseId: number, reader: Agent = admin): Promise<Entry[]> {
    const res = await reader.get(`/api/audit?entity=case&ref=${caseId}`);
    expect(res.status).toBe(200);
    return res.body.entries;
  }
  const auditCount = async () => (await t.db.query('select count(*)::int as n from audit_log')).rows[0].n as number;
  const caseRow = async (id: number) => (await t.db.query('select * from cases where id = $1', [id])).rows[0];
  async function newCase(body: Record<string, unknown> = { companyName: 'Revisionen AB', jobsExpected: 10 }) {
    const res = await staff.post('/api/cases').send(body);
    expect(res.status).toBe(201);
    return res.body as { id: number; version: number; stage: string };
  }
  const expectActor = (e: Entry, id: number | null, email: string | null) => expect({ accountId: e.accountId, accountEmail: e.accountEmail }).toEqual({ accountId: id, accountEmail: email });

  test('when staff create a case from a saved request, then a create entry by them holds the new row and its request, with nothing before', async () => {
    const requestId = await insertRequest(t.db, { company: 'Från förfrågan AB' });
    const body = { companyName: 'Loggat AB', jobsExpected: 17, investmentMsek: 7.5, requestIds: [requestId] };
    const c = await newCase(body);
    const entries = await trail(c.id, staff);
    expect(entries).toHaveLength(1);
    const [e] = entries;
    expect({ entity: e.entity, ref: e.ref, action: e.action }).toEqual({ entity: 'case', ref: String(c.id), action: 'create' });
    expectActor(e, staffId, staffEmail);
    expect(e.before).toBeNull();
    expect(e.after).toMatchObject({ id: c.id, companyName: body.companyName, jobsExpected: body.jobsExpected, investmentMsek: body.investmentMsek, stage: 'first_contact', source: 'staff', createdBy: staffId, requestIds: [requestId] });
    const firstEvent = (await t.db.query("select id from case_events where case_id = $1 and kind = 'stage_change'", [c.id])).rows[0].id;
    expect(e.after!.eventId).toBe(firstEvent);
  });

  test('when the details are edited (officer, investment, summary), then the entry has the old values before and the sent ones after, other fields alike', async () => {
    const created = { companyName: 'Ändrat AB', jobsExpected: 5, investmentMsek: 3 };
    const c = await newCase(created);
    const officer = await createAccount(t.db, { role: 'business' });
    const patch = { officerId: officer.id, investmentMsek: 42.5, summary: 'Vill bygga lager' };
    const res = await staff.patch(`/api/cases/${c.id}`).set('If-Match', `"${c.version}"`).send(patch);
    expect(res.status).toBe(200);
    const [e] = await trail(c.id);
    expect(e.action).toBe('update');
    expectActor(e, staffId, staffEmail);
    expect(e.before).toMatchObject({ officerId: null, investmentMsek: created.investmentMsek, summary: null, version: c.version });
    expect(e.after).toMatchObject({ ...patch, version: c.version + 1 });
    for (const k of ['companyName', 'jobsExpected', 'stage', 'contactEmail']) expect(e.after![k]).toEqual(e.before![k]);
    expect(e.after!.companyName).toBe(created.companyName);
  });

  test('when the stage changes, is lost and is reopened, then each entry has the stage before and after, the outcome, and the timeline event it made', async () => {
    const c = await newCase();
    const moved = await staff.post(`/api/cases/${c.id}/stage`).set('If-Match', `"${c.version}"`).send({ stage: 'needs_analysis' });
    expect(moved.status).toBe(200);
    const lost = await staff.post(`/api/cases/${c.id}/stage`).set('If-Match', `"${c.version + 1}"`).send({ stage: 'lost', lostReason: 'price' });
    expect(lost.status).toBe(200);
    const reopened = await staff.post(`/api/cases/${c.id}/reopen`).set('If-Match', `"${c.version + 2}"`).send({ stage: 'needs_analysis', note: 'Priset omförhandlat' });
    expect(reopened.status).toBe(200);
    const [reopen, toLost, toNeeds] = await trail(c.id);
    expect(toNeeds).toMatchObject({ action: 'stage_change', before: { stage: 'first_contact', version: c.version }, after: { stage: 'needs_analysis', version: c.version + 1 } });
    expect(toLost).toMatchObject({ action: 'stage_change', before: { stage: 'needs_analysis', outcome: null, lostReason: null }, after: { stage: 'lost', outcome: 'lost', lostReason: 'price' } });
    expect(toLost.after!.closedAt).not.toBeNull();
    expect(reopen).toMatchObject({ action: 'reopen', before: { stage: 'lost', outcome: 'lost', lostReason: 'price' }, after: { stage: 'needs_analysis', outcome: null, lostReason: null, closedAt: null } });
    for (const e of [reopen, toLost, toNeeds]) expectActor(e, staffId, staffEmail);
    const events = (await t.db.query("select id, to_stage from case_events where case_id = $1 and kind = 'stage_change' order by id", [c.id])).rows;
    expect([toNeeds.after!.eventId, toLost.after!.eventId, reopen.after!.eventId]).toEqual(events.slice(1).map((r) => r.id));
  });

  test('when a change is refused (409 closed case, 412 stale If-Match, 400 skip without note, 428 no If-Match), then no entry is written and the case is unchanged', async () => {
    const open = await newCase();
    const closed = await newCase();
    expect((await staff.post(`/api/cases/${closed.id}/stage`).set('If-Match', `"${closed.version}"`).send({ stage: 'lost', lostReason: 'timing' })).status).toBe(200);
    const before = await auditCount();
    const rowsBefore = [await caseRow(open.id), await caseRow(closed.id)];
    const refused = [
      await staff.patch(`/api/cases/${closed.id}`).set('If-Match', `"${closed.version + 1}"`).send({ summary: 'x' }),
      await staff.post(`/api/cases/${closed.id}/events`).send({ kind: 'note', body: 'x' }),
      await staff.post(`/api/cases/${closed.id}/sites`).send({ kind: 'land', ref: 'Flemingsberg 1:1' }),
      await staff.patch(`/api/cases/${open.id}`).set('If-Match', `"${open.version + 5}"`).send({ summary: 'x' }),
      await staff.post(`/api/cases/${open.id}/stage`).set('If-Match', `"${open.version}"`).send({ stage: 'negotiation' }),
      await staff.patch(`/api/cases/${open.id}`).send({ summary: 'x' }),
    ];
    expect(refused.map((r) => r.status)).toEqual([409, 409, 409, 412, 400, 428]);
    expect(await auditCount()).toBe(before);
    expect([await caseRow(open.id), await caseRow(closed.id)]).toEqual(rowsBefore);
  });

  test('when a site is proposed and the company responds, then entries hold the new site, and its response before and after', async () => {
    const c = await newCase();
    expect((await staff.post(`/api/cases/${c.id}/sites`).send({ kind: 'land', ref: 'Flemingsberg 1:1', note: 'Nära stationen' })).status).toBe(201);
    const siteId = (await t.db.query('select id from case_sites where case_id = $1', [c.id])).rows[0].id;
    expect((await staff.put(`/api/cases/${c.id}/sites/${siteId}/response`).send({ response: 'interested' })).status).toBe(200);
    const [response, proposed] = await trail(c.id);
    expect(proposed).toMatchObject({ action: 'site_propose', before: null, after: { id: siteId, kind: 'land', ref: 'Flemingsberg 1:1', response: 'pending' } });
    expect(response).toMatchObject({ action: 'site_response', before: { id: siteId, response: 'pending', respondedAt: null }, after: { id: siteId, response: 'interested' } });
    expect(response.after!.respondedAt).not.toBeNull();
    expectActor(response, staffId, staffEmail);
    // duplicate proposal: 409, no entry
    const n = await auditCount();
    expect((await staff.post(`/api/cases/${c.id}/sites`).send({ kind: 'land', ref: 'Flemingsberg 1:1' })).status).toBe(409);
    expect(await auditCount()).toBe(n);
  });

  test('when a checklist item is ticked and unticked, then both are logged with done before and after; ticking a ticked item logs nothing', async () => {
    const c = await newCase();
    const itemId = (await t.db.query("select id from checklist_items where stage = 'first_contact' order by position limit 1")).rows[0].id;
    expect((await staff.put(`/api/cases/${c.id}/checklist/${itemId}`).send({ done: true })).status).toBe(200);
    const n = await auditCount();
    expect((await staff.put(`/api/cases/${c.id}/checklist/${itemId}`).send({ done: true })).status).toBe(200);
    expect(await auditCount()).toBe(n);
    expect((await staff.put(`/api/cases/${c.id}/checklist/${itemId}`).send({ done: false })).status).toBe(200);
    const [untick, tick] = await trail(c.id);
    expect(tick).toMatchObject({ action: 'checklist_tick', before: { itemId, done: false, doneBy: null }, after: { itemId, done: true, doneBy: staffId } });
    expect(untick).toMatchObject({ action: 'checklist_untick', before: { itemId, done: true, doneBy: staffId }, after: { itemId, done: false, doneBy: null } });
  });

  test('when another saved request is linked, then the entry has the request ids before and after; linking it again logs nothing', async () => {
    const r1 = await insertRequest(t.db, { company: 'Ett AB' });
    const r2 = await insertRequest(t.db, { company: 'Två AB' });
    const c = await newCase({ requestIds: [r1] });
    expect((await staff.post(`/api/cases/${c.id}/requests`).send({ requestId: r2 })).status).toBe(201);
    const n = await auditCount();
    expect((await staff.post(`/api/cases/${c.id}/requests`).send({ requestId: r2 })).status).toBe(201);
    expect(await auditCount()).toBe(n);
    const [e] = await trail(c.id);
    expect(e).toMatchObject({ action: 'request_link', before: { requestIds: [r1] }, after: { requestIds: [r1, r2] } });
  });

  test('when a note is added, then the entry names the timeline event without copying its text', async () => {
    const c = await newCase();
    const text = 'Ringde vd, vill ha besked i maj';
    expect((await staff.post(`/api/cases/${c.id}/events`).send({ kind: 'call', body: text })).status).toBe(201);
    const [e] = await trail(c.id);
    const ev = (await t.db.query("select id from case_events where case_id = $1 and kind = 'call'", [c.id])).rows[0];
    expect(e).toMatchObject({ action: 'event_add', before: null, after: { eventId: ev.id, kind: 'call' } });
    expect(JSON.stringify(e)).not.toContain(text);
  });

  test('when a pitch link is created and revoked, then both are logged under the case without the token; a second revoke logs nothing', async () => {
    const c = await newCase();
    const sites = [{ kind: 'land', ref: 'Flemingsberg 1:1' }, { kind: 'premises', ref: 'FLE-101' }];
    for (const s of sites) expect((await staff.post(`/api/cases/${c.id}/sites`).send(s)).status).toBe(201);
    const link = await staff.post(`/api/cases/${c.id}/pitch-links`).send({ sites, expiresInDays: 10 });
    expect(link.status).toBe(201);
    expect((await staff.post(`/api/cases/${c.id}/pitch-links/${link.body.id}/revoke`)).status).toBe(200);
    const n = await auditCount();
    expect((await staff.post(`/api/cases/${c.id}/pitch-links/${link.body.id}/revoke`)).status).toBe(200);
    expect(await auditCount()).toBe(n);
    const [revoke, create] = await trail(c.id);
    expect(create).toMatchObject({ action: 'pitch_link_create', before: null, after: { id: link.body.id, sites, revokedAt: null, createdBy: staffId } });
    const expectedExpiry = Date.now() + 10 * 86_400_000;
    expect(Math.abs(new Date(create.after!.expiresAt).getTime() - expectedExpiry)).toBeLessThan(120_000);
    expect(revoke).toMatchObject({ action: 'pitch_link_revoke', before: { id: link.body.id, revokedAt: null } });
    expect(revoke.after!.revokedAt).not.toBeNull();
    expectActor(revoke, staffId, staffEmail);
    for (const e of [revoke, create]) expect(JSON.stringify(e)).not.toContain(link.body.token);
  });

  test('when the admin edits the checklist bank, then entity checklist_item logs the item before and after', async () => {
    const body = { stage: 'site_visit', position: 7, labelSv: 'Ta med kartan', labelEn: 'Bring the map' };
    const created = await admin.post('/api/checklist-items').send(body);
    expect(created.status).toBe(201);
    const edited = await admin.patch(`/api/checklist-items/${created.body.id}`).set('If-Match', created.headers.etag).send({ labelEn: 'Bring a printed map', active: false });
    expect(edited.status).toBe(200);
    const res = await staff.get(`/api/audit?entity=checklist_item&ref=${created.body.id}`);
    expect(res.status).toBe(200);
    const [update, create] = res.body.entries as Entry[];
    expect(create).toMatchObject({ action: 'create', before: null, after: { ...body, active: true } });
    expect(update).toMatchObject({ action: 'update', before: { labelEn: body.labelEn, active: true, labelSv: body.labelSv }, after: { labelEn: 'Bring a printed map', active: false, labelSv: body.labelSv } });
    // Issue 13 defect 11 overrides the former assertion that staff read the admin's e-mail
    // here: the business unit sees the admin's account id; the admin reads the e-mail.
    for (const e of [update, create]) expectActor(e, adminId, null);
    const asAdmin = (await admin.get(`/api/audit?entity=checklist_item&ref=${created.body.id}`)).body.entries as Entry[];
    for (const e of asAdmin) expectActor(e, adminId, adminEmail);
  });

  test('when a company sends the public intake form, then the case creation is logged with no account (the public) and source intake', async () => {
    const company = 'Publika Lager AB';
    const res = await request(t.app).post('/api/intake').send({
      company, contact: { name: 'Per Persson', email: 'per@publika.example' }, use: 'logistics', minAreaM2: 5000, investmentMsek: 9, consent: true,
    });
    expect(res.status).toBe(201);
    const caseId = Number(res.body.reference.slice(4));
    const entries = await trail(caseId);
    expect(entries).toHaveLength(1);
    expectActor(entries[0], null, null);
    expect(entries[0]).toMatchObject({ action: 'create', before: null, after: { id: caseId, companyName: company, source: 'intake', investmentMsek: 9, createdBy: null } });
  });

  test('when writing the audit entry fails, then the change is rolled back too (neither change nor entry)', async () => {
    const c = await newCase({ companyName: 'Orört AB' });
    const rowBefore = await caseRow(c.id);
    const eventsBefore = (await t.db.query('select count(*)::int as n from case_events where case_id = $1', [c.id])).rows[0].n;
    await t.db.query(`create function fail_case_audit() returns trigger language plpgsql as $$
      begin if new.entity = 'case' then raise exception 'audit unavailable'; end if; return new; end $$`);
    await t.db.query('create trigger fail_case_audit before insert on audit_log for each row execute function fail_case_audit()');
    const n = await auditCount();
    try {
      const patched = await staff.patch(`/api/cases/${c.id}`).set('If-Match', `"${c.version}"`).send({ companyName: 'Ändrat ändå AB' });
      const moved = await staff.post(`/api/cases/${c.id}/stage`).set('If-Match', `"${c.version}"`).send({ stage: 'needs_analysis' });
      expect([patched.status, moved.status]).toEqual([500, 500]);
    } finally {
      await t.db.query('drop trigger fail_case_audit on audit_log');
      await t.db.query('drop function fail_case_audit()');
    }
    expect(await auditCount()).toBe(n);
    expect(await caseRow(c.id)).toEqual(rowBefore);
    expect((await t.db.query('select count(*)::int as n from case_events where case_id = $1', [c.id])).rows[0].n).toBe(eventsBefore);
  });

  test('when the audit is filtered by entity case, then only case entries come back, and a planner may not read it', async () => {
    const res = await admin.get('/api/audit?entity=case&limit=500');
    expect(res.status).toBe(200);
    expect(res.body.entries.length).toBeGreaterThan(0);
    expect(new Set(res.body.entries.map((e: Entry) => e.entity))).toEqual(new Set(['case']));
    const { rows } = await t.db.query("select count(*)::int as n from audit_log where entity = 'case'");
    expect(res.body.entries).toHaveLength(rows[0].n);
    const { agent: planner } = await signedIn(t.app, t.db, 'planner');
    expect((await planner.get('/api/audit?entity=case')).status).toBe(403);
  });
});
