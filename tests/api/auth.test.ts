import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { apiToken, bearer, createAccount, signIn } from '../support/auth';
import { ensureFirstAdmin } from '../../api/src/accounts/first-admin';
import { createLogger } from '../../api/src/logger';
import { loadConfig } from '../../api/src/config';

describe('sign-in, sessions and API tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.drop());

  test('when an account signs in, then the session cookie is HttpOnly, SameSite=Lax, and /api/auth/me names the account', async () => {
    const a = await createAccount(t.db, { role: 'planner', email: 'Planner.One@Example.test' });
    const res = await request(t.app).post('/api/auth/login').send({ email: 'planner.one@example.test', password: a.password }).expect(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/etablera_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const agent = await signIn(t.app, a.email, a.password);
    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body.user).toEqual({ id: a.id, email: 'planner.one@example.test', name: 'Test planner', role: 'planner', status: 'active' });
  });

  test('when the request came over TLS through a trusted proxy, then the cookie is Secure', async () => {
    const proxied = await createTestApp({ config: { trustProxy: 1 } });
    try {
      const a = await createAccount(proxied.db, { role: 'owner' });
      const res = await request(proxied.app).post('/api/auth/login').set('X-Forwarded-Proto', 'https').send({ email: a.email, password: a.password }).expect(200);
      expect(String(res.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    } finally {
      await proxied.drop();
    }
  });

  test('when TRUST_PROXY is "false" or unset, then forwarded headers are not trusted and the cookie is not Secure', async () => {
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    const a = await createAccount(t.db, { role: 'owner' });
    const res = await request(t.app).post('/api/auth/login').set('X-Forwarded-Proto', 'https').send({ email: a.email, password: a.password }).expect(200);
    expect(String(res.headers['set-cookie'])).not.toMatch(/Secure/i);
  });

  test('when the password is wrong or the e-mail unknown, then 401 invalid_credentials with the same message', async () => {
    const a = await createAccount(t.db, { role: 'business' });
    const wrong = await request(t.app).post('/api/auth/login').send({ email: a.email, password: 'not-the-password' }).expect(401);
    const unknown = await request(t.app).post('/api/auth/login').send({ email: 'nobody@example.test', password: 'whatever-123' }).expect(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(unknown.body).toEqual(wrong.body);
  });

  test('when the password is stored, then only an argon2id hash of it is in the database', async () => {
    const a = await createAccount(t.db, { role: 'owner' });
    const { rows } = await t.db.query('select password_hash from accounts where id = $1', [a.id]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].password_hash).not.toContain(a.password);
  });

  test('when an account signs out, then its session no longer works', async () => {
    const a = await createAccount(t.db, { role: 'business' });
    const agent = await signIn(t.app, a.email, a.password);
    await agent.get('/api/auth/me').expect(200);
    await agent.post('/api/auth/logout').expect(204);
    // the agent dropped the cleared cookie; the old token itself must be dead too
    const { rows } = await t.db.query('select count(*)::int as n from sessions s join accounts a on a.id = s.account_id where a.id = $1', [a.id]);
    expect(rows[0].n).toBe(0);
    await agent.get('/api/auth/me').expect(401);
  });

  test('when a session has expired or the account is disabled, then the request is anonymous', async () => {
    const a = await createAccount(t.db, { role: 'business' });
    const agent = await signIn(t.app, a.email, a.password);
    await t.db.query("update sessions set expires_at = now() - interval '1 second' where account_id = $1", [a.id]);
    await agent.get('/api/auth/me').expect(401);
    const b = await createAccount(t.db, { role: 'business' });
    const agentB = await signIn(t.app, b.email, b.password);
    await t.db.query("update accounts set status = 'disabled' where id = $1", [b.id]);
    await agentB.get('/api/auth/me').expect(401);
    await request(t.app).post('/api/auth/login').send({ email: b.email, password: b.password }).expect(401);
  });

  test('when a script sends its API token as Bearer, then it acts as its account; a revoked or unknown token is 401', async () => {
    const a = await createAccount(t.db, { role: 'business' });
    const token = await apiToken(t.db, a.id);
    const me = await request(t.app).get('/api/auth/me').set(bearer(token)).expect(200);
    expect(me.body.user.id).toBe(a.id);
    const { rows } = await t.db.query('select token_hash from api_tokens where account_id = $1', [a.id]);
    expect(rows[0].token_hash).not.toContain(token);
    await request(t.app).get('/api/auth/me').set(bearer('etb_made-up')).expect(401);
    await t.db.query('update api_tokens set revoked_at = now() where account_id = $1', [a.id]);
    const revoked = await request(t.app).get('/api/auth/me').set(bearer(token)).expect(401);
    expect(revoked.body.code).toBe('unauthenticated');
  });

  test('when a signed-in account makes a token through the API, then it is shown once and works; deleting it revokes it', async () => {
    const a = await createAccount(t.db, { role: 'planner' });
    const agent = await signIn(t.app, a.email, a.password);
    const created = await agent.post('/api/auth/tokens').send({ name: 'nightly import' }).expect(201);
    expect(created.body.token).toMatch(/^etb_/);
    await request(t.app).get('/api/auth/me').set(bearer(created.body.token)).expect(200);
    const list = await agent.get('/api/auth/tokens').expect(200);
    expect(list.body.tokens.map((x: { name: string }) => x.name)).toEqual(['nightly import']);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    await agent.delete(`/api/auth/tokens/${created.body.id}`).expect(204);
    await request(t.app).get('/api/auth/me').set(bearer(created.body.token)).expect(401);
    const { rows } = await t.db.query("select action from audit_log where entity = 'account' and entity_ref = $1 order by id", [String(a.id)]);
    expect(rows.map((r) => r.action)).toEqual(['token_create', 'token_revoke']);
    const logged = await t.db.query('select after::text as after from audit_log where entity_ref = $1', [String(a.id)]);
    expect(logged.rows.map((r) => r.after ?? '').join()).not.toContain(created.body.token);
  });

  test('when a role-protected endpoint is called, then anonymous is 401 unauthenticated and the wrong role 403 forbidden', async () => {
    await request(t.app).get('/api/audit').expect(401, { code: 'unauthenticated', message: 'Sign in first' });
    const planner = await createAccount(t.db, { role: 'planner' });
    const res = await (await signIn(t.app, planner.email, planner.password)).get('/api/audit').expect(403);
    expect(res.body.code).toBe('forbidden');
    const business = await createAccount(t.db, { role: 'business' });
    await (await signIn(t.app, business.email, business.password)).get('/api/audit').expect(200);
  });

  test('when an owner signs up, then the account is pending: it can sign in but not yet act', async () => {
    const res = await request(t.app)
      .post('/api/auth/signup')
      .send({ email: 'fastighet@example.test', password: 'lang-losenfras-1', name: 'Fastighets AB', organisation: 'Fastighets AB', phone: '08-123 45' })
      .expect(201);
    expect(res.body.account).toMatchObject({ role: 'owner', status: 'pending' });
    const agent = await signIn(t.app, 'fastighet@example.test', 'lang-losenfras-1');
    expect((await agent.get('/api/auth/me').expect(200)).body.user.status).toBe('pending');
    // Issue 13 defect 10 overrides the former 409 email_taken here: a second sign-up with the
    // same e-mail gets the same answer as a new one, and changes nothing.
    const again = await request(t.app).post('/api/auth/signup').send({ email: 'FASTIGHET@example.test', password: 'another-pass-2', name: 'X' }).expect(201);
    expect(again.body.account).toMatchObject({ role: 'owner', status: 'pending' });
    await request(t.app).post('/api/auth/login').send({ email: 'fastighet@example.test', password: 'another-pass-2' }).expect(401);
    const short = await request(t.app).post('/api/auth/signup').send({ email: 'y@example.test', password: 'short', name: 'Y' }).expect(400);
    expect(short.body.message).toMatch(/password/);
  });

  test('when failed sign-ins exceed the limit, then 429 even with the right password, until the window passes', async () => {
    const limited = await createTestApp({ config: { loginAttemptsPer15Min: 3 } });
    try {
      const a = await createAccount(limited.db, { role: 'owner' });
      for (let i = 0; i < 3; i++) await request(limited.app).post('/api/auth/login').send({ email: a.email, password: 'wrong-password' }).expect(401);
      const blocked = await request(limited.app).post('/api/auth/login').send({ email: a.email, password: a.password }).expect(429);
      expect(blocked.body.code).toBe('too_many_attempts');
    } finally {
      await limited.drop();
    }
  });

  test('when the environment names a first admin and none exists, then it is created once; without a password nothing is', async () => {
    const fresh = await createTestApp();
    try {
      const log = createLogger('silent');
      await ensureFirstAdmin(fresh.db, log, 'root@example.test', undefined);
      expect((await fresh.db.query("select count(*)::int as n from accounts where role = 'admin'")).rows[0].n).toBe(0);
      await ensureFirstAdmin(fresh.db, log, 'root@example.test', 'a-long-admin-passphrase');
      await ensureFirstAdmin(fresh.db, log, 'other@example.test', 'a-long-admin-passphrase');
      const { rows } = await fresh.db.query("select email, status from accounts where role = 'admin'");
      expect(rows).toEqual([{ email: 'root@example.test', status: 'active' }]);
      await signIn(fresh.app, 'root@example.test', 'a-long-admin-passphrase');
    } finally {
      await fresh.drop();
    }
  });

  test('when an account changes its password, then the old one stops working and its other sessions end', async () => {
    const a = await createAccount(t.db, { role: 'planner' });
    const here = await signIn(t.app, a.email, a.password);
    const elsewhere = await signIn(t.app, a.email, a.password);
    const wrong = await here.post('/api/auth/password').send({ currentPassword: 'not-it-at-all', newPassword: 'a-brand-new-passphrase' }).expect(400);
    expect(wrong.body.message).toMatch(/currentPassword/);
    await here.post('/api/auth/password').send({ currentPassword: a.password, newPassword: 'a-brand-new-passphrase' }).expect(204);
    await here.get('/api/auth/me').expect(200);
    await elsewhere.get('/api/auth/me').expect(401);
    await request(t.app).post('/api/auth/login').send({ email: a.email, password: a.password }).expect(401);
    await signIn(t.app, a.email, 'a-brand-new-passphrase');
  });

  test('when the login body is malformed, then 400 naming the field', async () => {
    const res = await request(t.app).post('/api/auth/login').send({ email: 'not-an-email', password: 'x' }).expect(400);
    expect(res.body.message).toMatch(/email/);
  });
});
