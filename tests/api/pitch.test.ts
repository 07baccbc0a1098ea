import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { signedIn, signIn } from '../support/auth';
import { loadCaseWorld } from '../fixtures/cases/load';

type Agent = Awaited<ReturnType<typeof signIn>>;

const OUT = path.resolve(__dirname, '../output');
const CONTACT = { contactName: 'Astrid Kontaktsson', contactEmail: 'astrid.kontakt@biolab.example', contactPhone: '+46 70 123 45 67' };
const SECRET_NOTE = 'Hemlig anteckning om budgeten';
const SITES = [
  { kind: 'land', ref: 'Flemingsberg 1:1' },
  { kind: 'land', ref: 'Länna 4:12' },
  { kind: 'premises', ref: 'FLE-101' },
] as const;

/** Everything personal or internal that must never reach the pitch. */
const FORBIDDEN = [CONTACT.contactName, CONTACT.contactEmail, CONTACT.contactPhone, 'Biolab Hemliga AB', SECRET_NOTE, 'not for the pitch'];

function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}

describe('investor pitch links', () => {
  let t: TestApp;
  let staff: Agent;
  let caseId: number;
  let token: string;
  let linkId: number;

  beforeAll(async () => {
    t = await createTestApp();
    await loadCaseWorld(t.db);
    staff = (await signedIn(t.app, t.db, 'business')).agent;
    const c = await staff.post('/api/cases').send({ companyName: 'Biolab Hemliga AB', ...CONTACT, note: SECRET_NOTE, summary: SECRET_NOTE });
    caseId = c.body.id;
    for (const s of SITES) expect((await staff.post(`/api/cases/${caseId}/sites`).send({ ...s, note: SECRET_NOTE })).status).toBe(201);
    const link = await staff.post(`/api/cases/${caseId}/pitch-links`).send({ sites: SITES, expiresInDays: 14 });
    expect(link.status).toBe(201);
    token = link.body.token;
    linkId = link.body.id;
  });
  afterAll(async () => t.drop());

  test('when a link is made, then its token is 43 unguessable characters, it expires as asked and anonymous users cannot list links', async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { rows } = await t.db.query('select extract(epoch from expires_at - created_at) / 86400 as days from pitch_links where id = $1', [linkId]);
    expect(Number(rows[0].days)).toBeCloseTo(14, 3);
    const other = await staff.post(`/api/cases/${caseId}/pitch-links`).send({ sites: SITES.slice(0, 1) });
    expect(other.body.token).not.toBe(token);
    expect((await request(t.app).get(`/api/cases/${caseId}/pitch-links`)).status).toBe(401);
    expect((await request(t.app).post(`/api/cases/${caseId}/pitch-links`).send({ sites: SITES })).status).toBe(401);
  });

  test('when the link names a site the case has not proposed, then 400 names it and no link is stored', async () => {
    const before = (await t.db.query('select count(*)::int as n from pitch_links')).rows[0].n;
    const res = await staff.post(`/api/cases/${caseId}/pitch-links`).send({ sites: [{ kind: 'land', ref: 'Flemingsberg 1:2' }] });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^sites\.0/);
    expect((await t.db.query('select count(*)::int as n from pitch_links')).rows[0].n).toBe(before);
  });

  test('when the pitch is opened signed out, then each site has its facts in plain words, computed from the layers', async () => {
    const res = await request(t.app).get(`/api/pitch/${token}`);
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p.sites.map((s: { name: string }) => s.name)).toEqual(['Flemingsberg 1:1', 'Länna 4:12', 'Kontor vid stationen']);
    const [fle, lan, prem] = p.sites;
    // size and nearest rail station, by plain PostGIS in 3006
    const { rows } = await t.db.query(
      `select l.ref, round(ST_Area(l.geom)) as area, round(ST_Distance(l.geom, s.geom)) as dist
       from land_parcels l, stops s where s.ref = 'flemingsberg-station' order by l.ref`,
    );
    const byRef = Object.fromEntries(rows.map((r) => [r.ref, r]));
    expect(fle.sizeM2).toBe(byRef['Flemingsberg 1:1'].area);
    expect(fle.station).toMatchObject({ name: 'Flemingsberg', mode: 'commuter_rail', distanceM: byRef['Flemingsberg 1:1'].dist });
    // the bus stop right beside Länna 4:12 is not a station: the nearest rail is Flemingsberg
    expect(lan.station).toMatchObject({ name: 'Flemingsberg', distanceM: byRef['Länna 4:12'].dist });
    expect(fle.zoning[0]).toMatchObject({ planId: 'P-FLE-1', status: 'in_force', uses: [{ code: 'C', name: 'Centrum' }, { code: 'K', name: 'Kontor' }] });
    expect(fle.readiness).toEqual({ status: 'ready', date: '2019-05-01' });
    expect(lan.readiness).toEqual({ status: 'in_progress', date: '2027-06-30' });
    expect(fle.priceSekPerM2).toBe(2500);
    expect(prem).toMatchObject({ kind: 'premises', sizeM2: 800, rentSekPerM2Year: 2100, areaRef: 'flemingsberg' });
    const text = (s: { facts: Array<{ key: string; text: string }> }, key: string) => s.facts.find((f) => f.key === key)?.text;
    expect(text(fle, 'zoning')).toBe('Centrum (C), Kontor (K), enligt detaljplan Flemingsberg centrum (P-FLE-1)');
    expect(text(fle, 'readiness')).toMatch(/laga kraft \(2019-05-01\)/);
    expect(text(lan, 'readiness')).toMatch(/samråd.*2027-06-30/);
    expect(text(fle, 'price')).toBe('2\u00a0500 kr/m²');
    expect(text(fle, 'transit')).toMatch(/till Flemingsberg \(pendeltåg\)/);
    expect(p.areas.map((a: { ref: string; profile: string }) => [a.ref, a.profile])).toEqual([
      ['flemingsberg', 'Regional stadskärna med sjukhus och högskola.'],
      ['lanna', 'Verksamhetsområde för industri och logistik.'],
    ]);
    // Swedish facts under the plain keys; the English ones (…En) only with lang=en
    expect(p.areas[0]).toMatchObject({ strengths: ['Life science-kluster'], transit: 'Pendeltåg vid Flemingsbergs station' });
    expect(p.illustrative).toBe(true);
  });

  test('when the link is made for a use, then land readiness follows rule 1 of matching for that use, with the usable area', async () => {
    const link = await staff.post(`/api/cases/${caseId}/pitch-links`).send({ sites: SITES, use: 'industry' });
    expect(link.body.use).toBe('industry');
    const p = (await request(t.app).get(`/api/pitch/${link.body.token}`)).body;
    const [fle, lan, prem] = p.sites;
    // industry needs J or Z: Flemingsberg 1:1 lies in a K,C zone only
    expect(fle.readiness).toEqual({ status: 'none', date: null, use: 'industry', usableM2: 0 });
    expect(fle.facts.find((f: { key: string }) => f.key === 'readiness').text).toBe('Ingen detaljplan medger industri på platsen ännu.');
    // Länna 4:12 meets the J,Z zone of a plan in consultation: usable = parcel ∩ zone, by plain PostGIS
    const { rows } = await t.db.query(
      `select round(ST_Area(ST_Intersection(l.geom, z.geom))) as m2 from land_parcels l, plan_zones z
       where l.ref = 'Länna 4:12' and z.ref = 'P-LAN-2-1'`,
    );
    expect(lan.readiness).toEqual({ status: 'in_progress', date: '2027-06-30', use: 'industry', usableM2: rows[0].m2 });
    // premises keep the zone-based readiness: the building is there
    expect(prem.readiness).toEqual({ status: 'ready', date: '2019-05-01' });

    const office = await staff.post(`/api/cases/${caseId}/pitch-links`).send({ sites: SITES.slice(0, 1), use: 'office' });
    const o = (await request(t.app).get(`/api/pitch/${office.body.token}`)).body.sites[0];
    const area = (await t.db.query(`select round(ST_Area(geom)) as m2 from land_parcels where ref = 'Flemingsberg 1:1'`)).rows[0].m2;
    // the K,C zone covers the whole parcel
    expect(o.readiness).toEqual({ status: 'ready', date: '2019-05-01', use: 'office', usableM2: area });
    expect(o.facts.find((f: { key: string }) => f.key === 'readiness').text).toMatch(/får användas för kontor\.$/);
  });

  test('when ?lang=en, then the words are English and the area profile is the English one', async () => {
    const p = (await request(t.app).get(`/api/pitch/${token}?lang=en`)).body;
    expect(p.lang).toBe('en');
    expect(p.sites[0].zoning[0].uses).toEqual([{ code: 'C', name: 'Centre' }, { code: 'K', name: 'Office' }]);
    expect(p.sites[0].facts.find((f: { key: string }) => f.key === 'readiness').text).toMatch(/in force \(since 2019-05-01\)/);
    expect(p.areas[0].profile).toBe('Regional city core with a hospital and a university.');
    expect(p.areas[0]).toMatchObject({ strengths: ['Life science cluster'], transit: 'Commuter rail at Flemingsberg station' });
    expect((await request(t.app).get(`/api/pitch/${token}?lang=de`)).status).toBe(400);
  });

  test('when the pitch JSON is read, then it holds no contact data, company name or notes', async () => {
    for (const lang of ['sv', 'en']) {
      const raw = (await request(t.app).get(`/api/pitch/${token}?lang=${lang}`)).text;
      for (const f of FORBIDDEN) expect(raw).not.toContain(f);
      expect(raw).not.toMatch(/contact|e-?mail|phone|@|"(body|notes?|summary)"/i);
    }
  });

  test('when the pitch is opened, then each opening counts as a view', async () => {
    const before = (await t.db.query('select views from pitch_links where id = $1', [linkId])).rows[0].views;
    await request(t.app).get(`/api/pitch/${token}`);
    await request(t.app).get(`/api/pitch/${token}`);
    const after = (await t.db.query('select views from pitch_links where id = $1', [linkId])).rows[0].views;
    expect(after - before).toBe(2);
    const listed = await staff.get(`/api/cases/${caseId}/pitch-links`);
    expect(listed.body.links.find((l: { id: number }) => l.id === linkId).views).toBe(after);
  });

  test('when the PDF is asked, then it is a valid PDF whose text names the sites and holds no contact data', async () => {
    const res = await request(t.app).get(`/api/pitch/${token}/pdf`).responseType('blob');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'pitch-sv.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const name of ['Flemingsberg 1:1', 'Länna 4:12', 'Kontor vid stationen']) expect(text).toContain(name);
    expect(text).toContain('Planberedskap');
    for (const f of FORBIDDEN) expect(text).not.toContain(f);
    const en = pdfText((await request(t.app).get(`/api/pitch/${token}/pdf?lang=en`).responseType('blob')).body);
    expect(en).toContain('Plan readiness');
    expect(en).toContain('Länna 4:12');
  }, 90_000);

  test('when the server has no Chromium, then the PDF answers 503 pdf_unavailable rather than a 500', async () => {
    const saved = t.ctx.config.chromiumPath;
    t.ctx.config.chromiumPath = '/nonexistent/chromium';
    try {
      const res = await request(t.app).get(`/api/pitch/${token}/pdf`);
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('pdf_unavailable');
    } finally {
      t.ctx.config.chromiumPath = saved;
    }
  });

  test('when a link is revoked, then the pitch and its PDF answer 410 pitch_revoked and the view is not counted', async () => {
    const link = await staff.post(`/api/cases/${caseId}/pitch-links`).send({ sites: SITES.slice(0, 2) });
    expect((await request(t.app).get(`/api/pitch/${link.body.token}`)).status).toBe(200);
    const revoked = await staff.post(`/api/cases/${caseId}/pitch-links/${link.body.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.active).toBe(false);
    for (const path of [`/api/pitch/${link.body.token}`, `/api/pitch/${link.body.token}/pdf`]) {
      const res = await request(t.app).get(path);
      expect(res.status).toBe(410);
      expect(res.body).toEqual({ code: 'pitch_revoked', message: expect.any(String) });
    }
    expect((await t.db.query('select views from pitch_links where id = $1', [link.body.id])).rows[0].views).toBe(1);
  });

  test('when a link has expired, then 410 pitch_expired', async () => {
    const link = await staff.post(`/api/cases/${caseId}/pitch-links`).send({ sites: SITES.slice(0, 1), expiresInDays: 1 });
    expect((await request(t.app).get(`/api/pitch/${link.body.token}`)).status).toBe(200);
    await t.db.query("update pitch_links set expires_at = now() - interval '1 minute' where id = $1", [link.body.id]);
    const res = await request(t.app).get(`/api/pitch/${link.body.token}`);
    expect(res.status).toBe(410);
    expect(res.body.code).toBe('pitch_expired');
    expect(res.body.message).toMatch(/expired/);
  });

  test('when the token is unknown or malformed, then 404', async () => {
    expect((await request(t.app).get(`/api/pitch/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await request(t.app).get('/api/pitch/short')).status).toBe(404);
    expect((await staff.post(`/api/cases/${caseId}/pitch-links`).send({ sites: SITES, expiresInDays: 0 })).status).toBe(400);
  });
});
