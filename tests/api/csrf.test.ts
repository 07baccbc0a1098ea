import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { apiToken, bearer, createAccount, signedIn, signIn } from '../support/auth';
import { loadCaseWorld } from '../fixtures/cases/load';
import { premisesFeature } from './write-fixtures';

// Issue 13, defect 6: a page on another port of the same host auto-submits a body-less form
// (SameSite=Lax lets the cookie through: same site), and the change happened.
const EVIL = 'http://127.0.0.1:8666';

describe('CSRF: cookie-authenticated changes must come from our own origin', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadCaseWorld(t.db);
  });
  afterAll(() => t.drop());

  const refused = (res: request.Response) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'cross_origin_request' });
    expect(res.body.message).toMatch(/own pages/);
  };

  test('when another origin posts /api/accounts/:id/approve with the business cookie, then 403 and the owner stays pending', async () => {
    const { agent } = await signedIn(t.app, t.db, 'business');
    const owner = await createAccount(t.db, { role: 'owner', status: 'pending' });
    refused(await agent.post(`/api/accounts/${owner.id}/approve`).set('Origin', EVIL));
    refused(await agent.post(`/api/accounts/${owner.id}/approve`).set('Sec-Fetch-Site', 'same-site').set('Origin', EVIL));
    refused(await agent.post(`/api/accounts/${owner.id}/approve`).set('Referer', `${EVIL}/form.html`));
    refused(await agent.post(`/api/accounts/${owner.id}/approve`).set('Origin', 'null'));
    expect((await t.db.query('select status from accounts where id = $1', [owner.id])).rows[0].status).toBe('pending');
    // Our own page (same host and port) passes, as does a client that sends no Origin at all.
    const host = 'etablera.example:3000';
    await agent.post(`/api/accounts/${owner.id}/approve`).set('Host', host).set('Origin', `http://${host}`).set('Sec-Fetch-Site', 'same-origin').expect(200);
    expect((await t.db.query('select status from accounts where id = $1', [owner.id])).rows[0].status).toBe('active');
  });

  test('when another origin posts confirm-premises with the owner cookie, then 403 and the listing is not confirmed', async () => {
    const { account, agent } = await signedIn(t.app, t.db, 'owner');
    await agent.post('/api/premises?crs=3006').send(premisesFeature('CSRF-1')).expect(201);
    await t.db.query("update premises set confirmed_at = now() - interval '100 days' where ref = 'CSRF-1'");
    const before = (await t.db.query("select confirmed_at, version from premises where ref = 'CSRF-1'")).rows[0];
    refused(await agent.post('/api/premises/CSRF-1/confirm').set('Origin', EVIL).set('Sec-Fetch-Site', 'same-site'));
    expect((await t.db.query("select confirmed_at, version from premises where ref = 'CSRF-1'")).rows[0]).toEqual(before);
    // An API token is not ambient: a script's request passes whatever it says its origin is.
    const token = await apiToken(t.db, account.id);
    await request(t.app).post('/api/premises/CSRF-1/confirm').set(bearer(token)).set('Origin', EVIL).expect(200);
  });

  test('when another origin posts revoke-pitch-link with the business cookie, then 403 and the link still opens', async () => {
    const { agent } = await signedIn(t.app, t.db, 'business');
    const c = await agent.post('/api/cases').send({ companyName: 'Csrf AB', contactName: 'X', contactEmail: 'x@csrf.example' }).expect(201);
    await agent.post(`/api/cases/${c.body.id}/sites`).send({ kind: 'land', ref: 'Flemingsberg 1:1' }).expect(201);
    const link = await agent.post(`/api/cases/${c.body.id}/pitch-links`).send({ sites: [{ kind: 'land', ref: 'Flemingsberg 1:1' }] }).expect(201);
    refused(await agent.post(`/api/cases/${c.body.id}/pitch-links/${link.body.id}/revoke`).set('Origin', EVIL));
    await request(t.app).get(`/api/pitch/${link.body.token}`).expect(200);
    expect((await t.db.query('select revoked_at from pitch_links where id = $1', [link.body.id])).rows[0].revoked_at).toBeNull();
  });

  test('when another origin posts logout with the session cookie, then 403 and the session lives on', async () => {
    const a = await createAccount(t.db, { role: 'planner' });
    const agent = await signIn(t.app, a.email, a.password);
    refused(await agent.post('/api/auth/logout').set('Origin', EVIL));
    refused(await agent.post('/api/auth/logout').set('Sec-Fetch-Site', 'cross-site'));
    await agent.get('/api/auth/me').expect(200);
    await agent.post('/api/auth/logout').set('Sec-Fetch-Site', 'same-origin').expect(204);
    await agent.get('/api/auth/me').expect(401);
  });

  test('when ALLOWED_ORIGINS names another origin, then its pages may post', async () => {
    const allowed = await createTestApp({ config: { allowedOrigins: [EVIL] } });
    try {
      const a = await createAccount(allowed.db, { role: 'planner' });
      const agent = await signIn(allowed.app, a.email, a.password);
      await agent.post('/api/auth/logout').set('Origin', EVIL).set('Sec-Fetch-Site', 'cross-site').expect(204);
      refused(await agent.post('/api/auth/logout').set('Origin', 'http://127.0.0.1:9999'));
    } finally {
      await allowed.drop();
    }
  });
});
