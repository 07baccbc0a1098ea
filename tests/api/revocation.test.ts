import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { apiToken, bearer, createAccount, signedIn, signIn } from '../support/auth';

// Issue 13, defect 8: after a password reset by the admin, or disable + re-enable, old
// sessions and API tokens still worked; changing one's own password left API tokens alive.
describe('revocation: credentials issued before a reset or a disable stop working', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedIn>>['agent'];
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await signedIn(t.app, t.db, 'admin')).agent;
  });
  afterAll(() => t.drop());

  const patch = async (id: number, body: Record<string, unknown>) => {
    const etag = (await admin.get(`/api/accounts/${id}`).expect(200)).headers.etag;
    return admin.patch(`/api/accounts/${id}`).set('If-Match', etag).send(body).expect(200);
  };

  test('when the admin resets a password, then the old sessions and API tokens of that account end', async () => {
    const a = await createAccount(t.db, { role: 'planner' });
    const session = await signIn(t.app, a.email, a.password);
    const token = await apiToken(t.db, a.id);
    await session.get('/api/auth/me').expect(200);
    await request(t.app).get('/api/auth/me').set(bearer(token)).expect(200);
    await patch(a.id, { password: 'reset-by-the-admin-1' });
    await session.get('/api/auth/me').expect(401);
    await request(t.app).get('/api/auth/me').set(bearer(token)).expect(401);
    await signIn(t.app, a.email, 'reset-by-the-admin-1');
  });

  test('when the admin disables and re-enables an account, then nothing issued before the disable works again', async () => {
    const a = await createAccount(t.db, { role: 'business' });
    const session = await signIn(t.app, a.email, a.password);
    const token = await apiToken(t.db, a.id);
    await patch(a.id, { status: 'disabled' });
    await session.get('/api/auth/me').expect(401);
    await patch(a.id, { status: 'active' });
    await session.get('/api/auth/me').expect(401);
    await request(t.app).get('/api/auth/me').set(bearer(token)).expect(401);
    const { rows } = await t.db.query('select count(*)::int as n from api_tokens where account_id = $1 and revoked_at is null', [a.id]);
    expect(rows[0].n).toBe(0);
    // The account itself works again with a fresh sign-in.
    await (await signIn(t.app, a.email, a.password)).get('/api/auth/me').expect(200);
  });

  test('when an account changes its own password, then its API tokens end too (the session making the change stays)', async () => {
    const a = await createAccount(t.db, { role: 'owner' });
    const here = await signIn(t.app, a.email, a.password);
    const token = await apiToken(t.db, a.id);
    await request(t.app).get('/api/auth/me').set(bearer(token)).expect(200);
    await here.post('/api/auth/password').send({ currentPassword: a.password, newPassword: 'my-own-new-passphrase' }).expect(204);
    await request(t.app).get('/api/auth/me').set(bearer(token)).expect(401);
    await here.get('/api/auth/me').expect(200);
  });

  test('when the admin only renames an account, then its sessions and tokens stay', async () => {
    const a = await createAccount(t.db, { role: 'planner' });
    const session = await signIn(t.app, a.email, a.password);
    const token = await apiToken(t.db, a.id);
    await patch(a.id, { name: 'Nytt Namn' });
    await session.get('/api/auth/me').expect(200);
    await request(t.app).get('/api/auth/me').set(bearer(token)).expect(200);
  });
});
