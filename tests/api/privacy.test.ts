import { execFileSync } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { createAccount, signedIn, signIn } from '../support/auth';
import { personRef } from '../../api/src/gdpr/service';
import { E0, landFeature, N0, square } from './write-fixtures';

const ROOT = path.resolve(__dirname, '../..');
const PERSON = 'Anna Privatperson';

/** The slippy-map tile of zoom z holding lon/lat. */
function tileOf(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return { z, x, y };
}

// Issue 13, defect 11.
describe('privacy: owner names, the audit log, caching and GDPR', () => {
  let t: TestApp;
  let business: Awaited<ReturnType<typeof signedIn>>;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    t = await createTestApp();
    business = await signedIn(t.app, t.db, 'business');
    admin = await signedIn(t.app, t.db, 'admin');
    await business.agent.post('/api/land?crs=3006').send(landFeature('PRIV 1:1', { ownerType: 'private', ownerName: PERSON }, square(E0, N0, 80))).expect(201);
    await business.agent.post('/api/land?crs=3006').send(landFeature('PRIV 1:2', { ownerType: 'other', ownerName: 'Bo Dödsbo' }, square(E0 + 100, N0, 80))).expect(201);
    await business.agent.post('/api/land?crs=3006').send(landFeature('KOMM 1:1', { ownerType: 'municipal', ownerName: 'Huddinge kommun' }, square(E0 + 200, N0, 80))).expect(201);
  });
  afterAll(() => t.drop());

  test('when the public reads land, then a private or other owner has no name; a municipal owner keeps it; staff see every name, not cached', async () => {
    const pub = await request(t.app).get('/api/land').expect(200);
    const names = Object.fromEntries(JSON.parse(pub.text).features.map((f: { properties: { ref: string; ownerName: string | null } }) => [f.properties.ref, f.properties.ownerName]));
    expect(names).toEqual({ 'PRIV 1:1': null, 'PRIV 1:2': null, 'KOMM 1:1': 'Huddinge kommun' });
    expect(pub.text).not.toContain(PERSON);
    expect(JSON.parse((await request(t.app).get('/api/land/PRIV 1:1').expect(200)).text).properties.ownerName).toBeNull();

    const staff = await business.agent.get('/api/land').expect(200);
    expect(staff.text).toContain(PERSON);
    expect(staff.headers['cache-control']).toBe('no-store');
    const one = await business.agent.get('/api/land/PRIV 1:1').expect(200);
    expect(JSON.parse(one.text).properties.ownerName).toBe(PERSON);
  });

  test('when land is read through OGC API Features, then no private owner name comes out, nor can a filter probe one', async () => {
    const items = await request(t.app).get('/ogc/collections/land/items?limit=100').set('Accept', 'application/geo+json').expect(200);
    expect(items.text).toContain('PRIV 1:1');
    expect(items.text).toContain('Huddinge kommun');
    expect(items.text).not.toContain(PERSON);
    const probe = await request(t.app).get(`/ogc/collections/land/items?filter=${encodeURIComponent(`ownerName = '${PERSON}'`)}`).set('Accept', 'application/geo+json').expect(200);
    expect(JSON.parse(probe.text).features).toEqual([]);
  });

  test('when the land tile is drawn, then it carries no private owner name', async () => {
    const { rows } = await t.db.query("select ST_X(c) as lon, ST_Y(c) as lat from (select ST_Transform(ST_Centroid(geom), 4326) as c from land_parcels where ref = 'PRIV 1:1') s");
    const { z, x, y } = tileOf(rows[0].lon, rows[0].lat, 14);
    const tile = await request(t.app).get(`/tiles/land/${z}/${x}/${y}.mvt`).responseType('blob').expect(200);
    const bytes = Buffer.from(tile.body as Buffer).toString('latin1');
    expect(bytes).toContain('PRIV 1:1');
    expect(bytes).toContain('Huddinge kommun');
    expect(bytes).not.toContain('Privatperson');
    expect(bytes).not.toContain('Bo D');
  });

  test('when the business unit reads the audit log, then no other staff member e-mail is in it; the admin sees them', async () => {
    const planner = await createAccount(t.db, { role: 'planner' });
    const asPlanner = await signIn(t.app, planner.email, planner.password);
    await asPlanner.post('/api/auth/tokens').send({ name: 'skript' }).expect(201);
    const etag = (await admin.agent.get(`/api/accounts/${planner.id}`)).headers.etag;
    await admin.agent.patch(`/api/accounts/${planner.id}`).set('If-Match', etag).send({ phone: '070-111 22 33' }).expect(200);
    const seen = await business.agent.get('/api/audit?limit=500').expect(200);
    expect(seen.headers['cache-control']).toBe('no-store');
    expect(seen.text).not.toContain(planner.email);
    expect(seen.text).not.toContain(admin.account.email);
    expect(seen.text).not.toContain('070-111 22 33');
    expect(seen.text).toContain(business.account.email); // its own
    const all = await admin.agent.get('/api/audit?limit=500').expect(200);
    expect(all.text).toContain(planner.email);
    expect(all.text).toContain(admin.account.email);
  });

  test('when personal endpoints answer, then with Cache-Control: no-store; public layers keep their caching', async () => {
    for (const url of ['/api/auth/me', '/api/accounts', '/api/audit', '/api/cases', '/api/requests', '/api/kpis']) {
      const res = await admin.agent.get(url);
      expect({ url, status: res.status, cacheControl: res.headers['cache-control'] }).toEqual({ url, status: 200, cacheControl: 'no-store' });
    }
    expect((await request(t.app).post('/api/auth/login').send({ email: 'x@example.test', password: 'wrong-password' })).headers['cache-control']).toBe('no-store');
    expect((await request(t.app).get('/api/areas').expect(200)).headers['cache-control']).toBeUndefined();
  });

  describe('GDPR export and erasure by e-mail', () => {
    const EMAIL = 'Greta.Grundare@foretag.example';
    const lower = EMAIL.toLowerCase();
    let accountId: number;
    let caseId: number;

    beforeAll(async () => {
      accountId = (await createAccount(t.db, { role: 'owner', email: lower, name: 'Greta Grundare' })).id;
      const c = await business.agent.post('/api/cases').send({ companyName: 'Grundare AB', contactName: 'Greta Grundare', contactEmail: EMAIL, contactPhone: '070-999 88 77' }).expect(201);
      caseId = c.body.id;
      await business.agent.post(`/api/cases/${caseId}/events`).send({ kind: 'note', body: `Ring ${EMAIL} på fredag` }).expect(201);
      await t.db.query("insert into match_requests (company_name, contact_name, contact_email, criteria) values ('Grundare AB', 'Greta Grundare', $1, $2)", [EMAIL, { use: 'office', minAreaM2: 500 }]);
    });

    const traces = async () => {
      const q = async (sql: string) => (await t.db.query(sql, [lower])).rows[0].n as number;
      return {
        accounts: await q('select count(*)::int as n from accounts where email = $1'),
        requests: await q('select count(*)::int as n from match_requests where lower(contact_email) = $1'),
        cases: await q('select count(*)::int as n from cases where lower(contact_email) = $1'),
        notes: await q("select count(*)::int as n from case_events where strpos(lower(body), $1) > 0"),
        audit: await q("select count(*)::int as n from audit_log where account_email = $1 or strpos(lower(coalesce(before::text, '') || coalesce(after::text, '')), $1) > 0"),
      };
    };

    test('when the admin exports a person, then account, requests and cases come out and the export is audited; others may not', async () => {
      await business.agent.post('/api/gdpr/export').send({ email: EMAIL }).expect(403);
      const res = await admin.agent.post('/api/gdpr/export').send({ email: EMAIL }).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.account).toMatchObject({ id: accountId, email: lower, role: 'owner' });
      expect(res.body.requests).toHaveLength(1);
      expect(res.body.cases.map((c: { id: number }) => c.id)).toEqual([caseId]);
      expect(JSON.stringify(res.body)).not.toContain('argon2');
      const { rows } = await t.db.query("select account_id from audit_log where entity = 'person' and entity_ref = $1 and action = 'gdpr_export'", [personRef(lower)]);
      expect(rows).toEqual([{ account_id: admin.account.id }]);
    });

    test('when the admin erases a person, then no trace of the e-mail is left, the case stays anonymous, and the erasure is audited', async () => {
      const before = await traces();
      expect(before).toMatchObject({ accounts: 1, requests: 1, cases: 1, notes: 1 });
      expect(before.audit).toBeGreaterThan(0);
      const res = await admin.agent.post('/api/gdpr/erase').send({ email: EMAIL }).expect(200);
      expect(res.body.erased).toMatchObject({ accounts: 1, requests: 1, cases: 1 });
      expect(await traces()).toEqual({ accounts: 0, requests: 0, cases: 0, notes: 0, audit: 0 });
      const c = (await t.db.query('select company_name, contact_name, contact_phone from cases where id = $1', [caseId])).rows[0];
      expect(c).toEqual({ company_name: 'Grundare AB', contact_name: null, contact_phone: null });
      const { rows } = await t.db.query("select after from audit_log where entity = 'person' and entity_ref = $1 and action = 'gdpr_erase'", [personRef(lower)]);
      expect(rows[0].after).toMatchObject({ accounts: 1, requests: 1, cases: 1 });
      const again = await admin.agent.post('/api/gdpr/export').send({ email: EMAIL }).expect(200);
      expect({ account: again.body.account, requests: again.body.requests, cases: again.body.cases }).toEqual({ account: null, requests: [], cases: [] });
    });

    test('when the only active admin would be erased, then 409 and nothing changes', async () => {
      const solo = await createTestApp();
      try {
        const a = await signedIn(solo.app, solo.db, 'admin');
        const res = await a.agent.post('/api/gdpr/erase').send({ email: a.account.email }).expect(409);
        expect(res.body.code).toBe('last_admin');
        expect((await solo.db.query('select count(*)::int as n from accounts')).rows[0].n).toBe(1);
      } finally {
        await solo.drop();
      }
    });
  });

  test('when the commands run (npm run gdpr:export / gdpr:retention), then export prints the JSON and retention blanks only what is past its period', async () => {
    const env = { ...process.env, DATABASE_URL: t.url, RETENTION_CLOSED_CASE_MONTHS: '36', RETENTION_REQUEST_MONTHS: '24', RETENTION_INTAKE_CONTACT_MONTHS: '12' };
    const ins = async (company: string, extra: string) =>
      (await t.db.query(`insert into cases (company_name, contact_name, contact_email, contact_phone, ${extra.split('=')[0]}) values ($1, 'K', $2, '1', ${extra.split('=')[1]}) returning id`, [company, `${company.toLowerCase().replace(/\W/g, '')}@x.example`])).rows[0].id as number;
    const oldClosed = await ins('Gammal AB', "closed_at=now() - interval '40 months'");
    const recentClosed = await ins('Ny AB', "closed_at=now() - interval '2 months'");
    const staleIntake = await ins('Tyst AB', "source='intake'");
    // touch_row would stamp now(): backdate with the trigger off.
    await t.db.query(`alter table cases disable trigger cases_touch`);
    await t.db.query("update cases set updated_at = now() - interval '13 months' where id = $1", [staleIntake]);
    await t.db.query(`alter table cases enable trigger cases_touch`);
    const freshIntake = await ins('Ny Kontakt AB', "source='intake'");
    await t.db.query("insert into case_events (case_id, kind, occurred_at, body) values ($1, 'note', now() - interval '41 months', 'privat anteckning')", [oldClosed]);

    const out = JSON.parse(execFileSync('npx', ['tsx', 'api/src/gdpr/cli.ts', 'retention'], { cwd: ROOT, env }).toString());
    expect(out.applied).toMatchObject({ closedCases: 1, intakeCases: 1, closedCaseNotes: 1 });
    const contact = async (id: number) => (await t.db.query('select contact_email from cases where id = $1', [id])).rows[0].contact_email;
    expect([await contact(oldClosed), await contact(recentClosed), await contact(staleIntake), await contact(freshIntake)]).toEqual([null, 'nyab@x.example', null, 'nykontaktab@x.example']);
    const { rows } = await t.db.query("select count(*)::int as n from audit_log where entity = 'person' and action = 'gdpr_retention'");
    expect(rows[0].n).toBe(1);

    const exported = JSON.parse(execFileSync('npx', ['tsx', 'api/src/gdpr/cli.ts', 'export', 'nyab@x.example'], { cwd: ROOT, env }).toString());
    expect(exported.cases.map((c: { id: number }) => c.id)).toEqual([recentClosed]);
  });
});
