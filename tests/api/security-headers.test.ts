// Issue 13, defect 13 (headers): on main HSTS went out over plain HTTP, there was no
// Permissions-Policy, and the CSP allowed inline styles and any https: origin for connect-src
// and img-src. Now: HSTS only over HTTPS, a Permissions-Policy, and only the configured
// basemap's origin besides 'self'. The pages are checked in Chromium in tests/browser/a11y-csp.test.ts.
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const directives = (csp: string) =>
  Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));

describe('security headers (issue 13: defect 13)', () => {
  let t: TestApp;
  let behindProxy: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    behindProxy = await createTestApp({ config: { trustProxy: 1, basemapStyleUrl: 'https://tiles.example.org/styles/basic/style.json' } });
  });
  afterAll(async () => {
    await t.drop();
    await behindProxy.drop();
  });

  test('when a page is fetched over plain HTTP, then there is no Strict-Transport-Security', async () => {
    const res = await request(t.app).get('/api/health').expect(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    // a client cannot claim HTTPS without a trusted proxy
    const forged = await request(t.app).get('/api/health').set('X-Forwarded-Proto', 'https').expect(200);
    expect(forged.headers['strict-transport-security']).toBeUndefined();
  });

  test('when the TLS proxy (TRUST_PROXY) forwards an HTTPS request, then HSTS is sent for a year', async () => {
    const res = await request(behindProxy.app).get('/api/health').set('X-Forwarded-Proto', 'https').expect(200);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });

  test('when any response is sent, then a Permissions-Policy denies camera, microphone, geolocation and payment', async () => {
    for (const path of ['/api/health', '/', '/api/land']) {
      const res = await request(t.app).get(path);
      for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()']) {
        expect(res.headers['permissions-policy']).toContain(feature);
      }
    }
  });

  test('when no basemap is configured, then the CSP allows no inline style and no external origin at all', async () => {
    const csp = directives((await request(t.app).get('/')).headers['content-security-policy']);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    const all = Object.values(csp).flat();
    expect(all).not.toContain("'unsafe-inline'");
    expect(all).not.toContain('https:');
  });

  test('when a basemap is configured, then only its origin is added to connect-src and img-src', async () => {
    const csp = directives((await request(behindProxy.app).get('/')).headers['content-security-policy']);
    expect(csp['connect-src']).toEqual(["'self'", 'https://tiles.example.org']);
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://tiles.example.org']);
    expect(Object.values(csp).flat()).not.toContain('https:');
  });
});
