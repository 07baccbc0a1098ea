import request from 'supertest';
import { createServiceApp, type ServiceApp } from '../support/service-app';
import { createAccount } from '../support/auth';

// Issue 13, defect 9: sign-ups were unlimited, sign-in was limited per address only (45
// guesses at one account from 5 addresses), and every counter lived in process memory.
describe('rate limits in the shared PostgreSQL store', () => {
  let s: ServiceApp;
  beforeAll(async () => {
    // TRUST_PROXY so a test can speak from several client addresses (X-Forwarded-For).
    s = await createServiceApp({ config: { trustProxy: 1, loginAttemptsPer15Min: 4, signupsPerHour: 3, intakePerHour: 2 } });
  });
  afterAll(() => s.drop());

  const login = (app: ServiceApp['app'], from: string, email: string, password: string) =>
    request(app).post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

  test('when one account is guessed at from many addresses, then it is blocked after the limit per account, even with the right password', async () => {
    const a = await createAccount(s.db, { role: 'admin' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(s.app, `198.51.100.${i + 1}`, a.email, `guess-${i}-wrong`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const right = await login(s.app, '198.51.100.99', a.email, a.password);
    expect({ status: right.status, code: right.body.code }).toEqual({ status: 429, code: 'too_many_attempts' });
    expect(right.body.message).toMatch(/this account/);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    // Another account, from a fresh address, is not affected.
    const b = await createAccount(s.db, { role: 'owner' });
    expect((await login(s.app, '198.51.100.100', b.email, b.password)).status).toBe(200);
  });

  test('when one address guesses at many accounts, then it is blocked after the limit per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await login(s.app, '203.0.113.7', `nobody-${i}@example.test`, 'wrong-password-1')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const c = await createAccount(s.db, { role: 'planner' });
    const res = await login(s.app, '203.0.113.7', c.email, c.password);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 429, code: 'too_many_attempts' });
    expect(res.body.message).toMatch(/this address/);
  });

  test('when a second instance runs on the same database, then it sees the same counters', async () => {
    const second = s.another();
    const a = await createAccount(s.db, { role: 'business' });
    for (let i = 0; i < 2; i++) expect((await login(s.app, '192.0.2.10', a.email, 'wrong-password-x')).status).toBe(401);
    for (let i = 0; i < 2; i++) expect((await login(second.app, '192.0.2.11', a.email, 'wrong-password-y')).status).toBe(401);
    expect((await login(second.app, '192.0.2.12', a.email, a.password)).status).toBe(429);
    expect((await login(s.app, '192.0.2.13', a.email, a.password)).status).toBe(429);
    // The table holds hashes only: no address, no e-mail.
    const { rows } = await s.db.query('select key from rate_limits');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.key).join(' ')).not.toMatch(/@|192\.0\.2|198\.51|203\.0/);
  });

  test('when one address signs up repeatedly (successfully), then 429 after the hourly limit and no more accounts are made', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await request(s.app).post('/api/auth/signup').set('X-Forwarded-For', '198.18.0.1').send({ email: `new-${i}@example.test`, password: 'long-enough-pass', name: `Ägare ${i}` });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    const { rows } = await s.db.query("select count(*)::int as n from accounts where email like 'new-%@example.test'");
    expect(rows[0].n).toBe(3);
    // A second instance does not start fresh.
    const res = await request(s.another().app).post('/api/auth/signup').set('X-Forwarded-For', '198.18.0.1').send({ email: 'new-x@example.test', password: 'long-enough-pass', name: 'X' });
    expect(res.status).toBe(429);
  });

  test('when one address sends intake forms past the limit, then 429 from either instance', async () => {
    const statuses: number[] = [];
    for (const app of [s.app, s.another().app, s.app]) statuses.push((await request(app).post('/api/intake').set('X-Forwarded-For', '198.18.0.2').send({})).status);
    expect(statuses).toEqual([400, 400, 429]);
  });
});

describe('account enumeration (issue 13, defect 10)', () => {
  let s: ServiceApp;
  beforeAll(async () => {
    s = await createServiceApp();
  });
  afterAll(() => s.drop());

  test('when someone signs up with an e-mail that has an account, then the answer is the same as for a new one and the account is unchanged', async () => {
    const existing = await createAccount(s.db, { role: 'planner', email: 'planerare@example.test' });
    const before = (await s.db.query('select password_hash, name, role, status, version from accounts where id = $1', [existing.id])).rows[0];
    const taken = await request(s.app).post('/api/auth/signup').send({ email: 'Planerare@example.test', password: 'attacker-pass-1', name: 'Någon' });
    const fresh = await request(s.app).post('/api/auth/signup').send({ email: 'ny-agare@example.test', password: 'attacker-pass-1', name: 'Någon' });
    expect(taken.status).toBe(fresh.status);
    expect(taken.status).toBe(201);
    const shape = (b: { account: Record<string, unknown>; message: string }) => ({ ...b, account: { ...b.account, email: '*' } });
    expect(shape(taken.body)).toEqual(shape(fresh.body));
    expect(JSON.stringify(taken.body)).not.toMatch(/exist|taken|finns/i);
    expect((await s.db.query('select password_hash, name, role, status, version from accounts where id = $1', [existing.id])).rows[0]).toEqual(before);
  });
});
