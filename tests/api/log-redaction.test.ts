// Issue 13, defect 2: no secret in any log line. On main the request log held the session
// cookie (Cookie, Set-Cookie), the Authorization header and pitch-link tokens in URLs; a
// session copied from it signed in as its owner. This test logs a whole app at info level to a
// file and scans every line; the run-wide scan is tests/support/log-capture.ts (LOG_CAPTURE).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../api/src/app';
import { loadConfig } from '../../api/src/config';
import { createLogger, redactUrl } from '../../api/src/logger';
import { createTestDb, type TestDb } from '../support/test-db';
import { createAccount, sessionOf } from '../support/auth';
import { findLeaks } from '../support/log-capture';
import { loadCaseWorld } from '../fixtures/cases/load';

describe('log redaction (issue 13: defect 2)', () => {
  let t: TestDb;
  let file: string;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    t = await createTestDb();
    await loadCaseWorld(t.db);
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'etablera-logs-')), 'app.ndjson');
    const config = loadConfig({ ...process.env, DATABASE_URL: t.url });
    app = createApp({ config, db: t.db, log: createLogger('trace', file) });
  });
  afterAll(() => t.drop());

  test('when a user signs up, signs in, makes an API token, uses it, makes and opens a pitch link and signs out, then no log line holds any of those secrets', async () => {
    const secrets: string[] = [];
    const signupPassword = 'sign-up-password-1234';
    await request(app).post('/api/auth/signup').send({ email: 'new.owner@example.test', password: signupPassword, name: 'Ny Ägare' }).expect(201);
    secrets.push(signupPassword);

    const staff = await createAccount(t.db, { role: 'business' });
    secrets.push(staff.password);
    const agent = request.agent(app);
    const login = await agent.post('/api/auth/login').send({ email: staff.email, password: staff.password }).expect(200);
    const session = sessionOf(login.headers['set-cookie']);
    expect(session).toMatch(/.{20,}/);
    secrets.push(session!);

    const tokenRes = await agent.post('/api/auth/tokens').send({ name: 'script' }).expect(201);
    const apiToken: string = tokenRes.body.token;
    expect(apiToken).toMatch(/.{20,}/);
    secrets.push(apiToken);
    await request(app).get('/api/auth/me').set('Authorization', `Bearer ${apiToken}`).expect(200);

    const c = await agent.post('/api/cases').send({ companyName: 'Loggtest AB' }).expect(201);
    await agent.post(`/api/cases/${c.body.id}/sites`).send({ kind: 'land', ref: 'Flemingsberg 1:1' }).expect(201);
    const link = await agent.post(`/api/cases/${c.body.id}/pitch-links`).send({ sites: [{ kind: 'land', ref: 'Flemingsberg 1:1' }] }).expect(201);
    const pitchToken: string = link.body.token;
    secrets.push(pitchToken);
    await request(app).get(`/api/pitch/${pitchToken}`).set('Referer', `http://localhost/pitch.html?token=${pitchToken}&lang=sv`).expect(200);
    await request(app).get(`/pitch.html?token=${pitchToken}&lang=en`);
    await request(app).get(`/api/pitch/${pitchToken}x`).expect(404); // a mistyped token is as secret
    secrets.push(`${pitchToken}x`);
    await agent.post('/api/auth/logout').expect(204);

    const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
    // the capture is real: every request above has its line, with the path but not the token
    expect(lines.length).toBeGreaterThanOrEqual(10);
    const urls = lines.map((l) => JSON.parse(l).req?.url).filter(Boolean);
    expect(urls).toEqual(expect.arrayContaining(['/api/auth/login', '/api/auth/tokens', '/api/auth/me', '/api/pitch/[redacted]', '/pitch.html?token=[redacted]&lang=en']));
    const { leaks } = findLeaks([file], secrets);
    expect(leaks).toEqual([]);
    for (const s of secrets) expect(lines.filter((l) => l.includes(s))).toEqual([]);
  });

  test('when URLs carry tokens, then redactUrl keeps their shape and drops the secret', () => {
    expect(redactUrl('/api/pitch/abcDEF_123-x/pdf?lang=sv')).toBe('/api/pitch/[redacted]/pdf?lang=sv');
    expect(redactUrl('/pitch.html?lang=en&token=abc&x=1')).toBe('/pitch.html?lang=en&token=[redacted]&x=1');
    expect(redactUrl('/api/land?area=lanna')).toBe('/api/land?area=lanna');
  });

  test('when the scanner meets a leaked cookie, bearer or pitch URL, then it reports each (the run-wide check can fail)', () => {
    const bad = path.join(path.dirname(file), 'bad.ndjson');
    fs.writeFileSync(bad, [
      '{"req":{"headers":{"cookie":"etablera_session=AAAAAAAAAAAAAAAAAAAA"}}}',
      '{"req":{"headers":{"authorization":"Bearer BBBBBBBBBBBBBBBB"}}}',
      '{"req":{"url":"/api/pitch/CCCCCCCCCCCCCCCCCCCCCCCC"}}',
      '{"req":{"url":"/api/pitch/[redacted]"}}',
    ].join('\n'));
    const { lines, leaks } = findLeaks([bad], ['zzz-recorded-secret']);
    expect(lines).toBe(4);
    expect(leaks.map((l) => l.what)).toEqual(['session cookie', 'bearer token', 'pitch link token']);
  });
});
