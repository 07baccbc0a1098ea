import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { createAccount } from '../support/auth';
import { loadCaseWorld, insertRequest } from '../fixtures/cases/load';

const OUT = path.resolve(__dirname, '../output/screenshots');
const CONTACT_EMAIL = 'browser.kontakt@biolab.example';
const CONTACT_NAME = 'Britta Kontaktsson';
const SITES = [
  ['land', 'Flemingsberg 1:1'],
  ['land', 'Länna 4:12'],
  ['premises', 'FLE-101'],
] as const;

describe('staff create a case, propose sites and share a pitch', () => {
  let server: TestServer;
  let browser: Browser;
  let account: { email: string; password: string };
  let requestId: number;

  beforeAll(async () => {
    server = await startTestServer({ seeded: false });
    await loadCaseWorld(server.testDb.db);
    account = await createAccount(server.testDb.db, { role: 'business' });
    requestId = await insertRequest(server.testDb.db, { company: 'Webblabbet AB', contactEmail: CONTACT_EMAIL, contactName: CONTACT_NAME, jobs: 60 });
    browser = await launchBrowser();
    fs.mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('when staff sign in, create a case from a request, propose three sites and open the pitch link signed out, then the investor sees the sites and can switch to English', async () => {
    const staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await staffContext.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !/^(blob|data):/.test(r.url())) external.push(r.url());
    });

    await page.goto(`${server.url}/staff.html`);
    await page.waitForSelector('body[data-ready="sign-in"]');
    await page.fill('#login-email', account.email);
    await page.fill('#login-password', account.password);
    await page.click('#login-submit');
    await page.waitForSelector('body[data-ready="list"]');

    await page.selectOption('#new-case-request', String(requestId));
    await page.click('#new-case-submit');
    await page.waitForSelector('body[data-ready="case"]');
    expect(await page.textContent('#case-title')).toBe('Webblabbet AB');
    expect(await page.getAttribute('#case-stage', 'data-stage')).toBe('first_contact');

    // a skip without a note is refused and said so; one step forward is taken
    await page.selectOption('#stage-select', 'site_visit');
    await page.click('#stage-form button[type=submit]');
    await page.waitForSelector('#case-error:text("note")');
    expect(await page.getAttribute('#case-stage', 'data-stage')).toBe('first_contact');
    await page.selectOption('#stage-select', 'needs_analysis');
    await page.click('#stage-form button[type=submit]');
    await page.waitForSelector('#case-stage[data-stage="needs_analysis"]');
    expect(await page.locator('#timeline li[data-kind="stage_change"]').count()).toBe(2);

    // the first site from matching the case's saved request (lab, >= 500 m², Flemingsberg)
    await page.click('.show-matches');
    await page.click('button[data-propose="land:Flemingsberg 1:1"]');
    await page.waitForSelector('#sites tr[data-ref="Flemingsberg 1:1"]');
    // the other two by designation
    for (const [kind, ref] of SITES.slice(1)) {
      await page.selectOption('#site-kind', kind);
      await page.fill('#site-ref', ref);
      await page.click('#site-submit');
      await page.waitForSelector(`#sites tr[data-ref="${ref}"]`);
    }
    expect(await page.locator('#sites tr').count()).toBe(3);
    expect(await page.locator('#timeline li[data-kind="site_proposed"]').count()).toBe(3);

    await page.click('#create-pitch');
    const link = page.locator('#pitch-links a.pitch-link').first();
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/pitch\.html\?token=[A-Za-z0-9_-]{43}$/);
    await page.screenshot({ path: path.join(OUT, 'staff-case.png'), fullPage: true });

    // the database agrees: three proposed sites, one live link naming them
    const { rows } = await server.testDb.db.query(
      `select (select count(*)::int from case_sites s where s.case_id = c.id) as sites,
              (select jsonb_array_length(p.sites) from pitch_links p where p.case_id = c.id) as pitched
       from cases c join case_requests r on r.case_id = c.id where r.request_id = $1`,
      [requestId],
    );
    expect(rows).toEqual([{ sites: 3, pitched: 3 }]);

    // the investor: a fresh context without the staff cookie
    const investor = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const pitch = await investor.newPage();
    pitch.on('pageerror', (e) => errors.push(e.message));
    pitch.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    pitch.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !/^(blob|data):/.test(r.url())) external.push(r.url());
    });
    expect((await investor.cookies()).length).toBe(0);
    await pitch.goto(`${server.url}${href}`);
    await pitch.waitForSelector('body[data-ready="sv"]');
    expect(await pitch.textContent('#pitch-title')).toBe('Etableringsplatser i Huddinge');
    const names = await pitch.locator('.site h2').allTextContents();
    expect(names.map((n) => n.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringContaining('Flemingsberg 1:1'),
      expect.stringContaining('Länna 4:12'),
      expect.stringContaining('Kontor vid stationen'),
    ]);
    expect(await pitch.textContent('.site[data-ref="Länna 4:12"] dd[data-fact="readiness"]')).toMatch(/samråd/);
    expect(await pitch.locator('.marker').count()).toBe(3);
    await pitch.waitForSelector('body[data-map-ready="true"]', { timeout: 30_000 });
    const rendered = await pitch.evaluate(() => {
      const map = (window as unknown as { etableraPitchMap: { queryRenderedFeatures: (o: unknown) => Array<{ properties: Record<string, unknown> }> } }).etableraPitchMap;
      return map.queryRenderedFeatures({ layers: ['areas-fill'] }).map((f) => f.properties.ref);
    });
    expect([...new Set(rendered)].sort()).toEqual(['flemingsberg', 'lanna']);
    await pitch.screenshot({ path: path.join(OUT, 'pitch-sv.png'), fullPage: true });

    await pitch.click('#lang-en');
    await pitch.waitForSelector('body[data-ready="en"]');
    expect(await pitch.textContent('#pitch-title')).toBe('Sites for your establishment in Huddinge');
    expect(await pitch.textContent('.site[data-ref="Flemingsberg 1:1"] dd[data-fact="readiness"]')).toMatch(/in force/);
    expect(await pitch.getAttribute('html', 'lang')).toBe('en');
    expect(pitch.url()).toContain('lang=en');
    const body = await pitch.textContent('body');
    for (const secret of [CONTACT_EMAIL, CONTACT_NAME, 'Webblabbet AB']) expect(body).not.toContain(secret);
    await pitch.screenshot({ path: path.join(OUT, 'pitch-en.png'), fullPage: true });
    // printable: the print style hides the buttons and keeps every site
    await pitch.emulateMedia({ media: 'print' });
    expect(await pitch.isVisible('.tools')).toBe(false);
    expect(await pitch.locator('.site').count()).toBe(3);
    await pitch.emulateMedia({ media: 'screen' });

    // staff withdraw the link: the investor's next visit says so, in both languages
    await page.click('#pitch-links button.revoke');
    await page.waitForSelector('#pitch-links li[data-active="false"]');
    await pitch.reload();
    await pitch.waitForSelector('body[data-ready="error"]');
    expect(await pitch.textContent('#pitch-error')).toMatch(/Länken gäller inte längre\. \/ This link is no longer valid/);
    expect(await pitch.locator('.site').count()).toBe(0);
    // the 410 of the withdrawn link is the one expected console error
    expect(errors.filter((e) => !/status of 410/.test(e))).toEqual([]);
    expect(external).toEqual([]);
    await investor.close();
    await staffContext.close();
  }, 120_000);

  test('when staff open the KPI tab, then the dashboard draws its charts from the API', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/staff.html#kpis`);
    await page.fill('#login-email', account.email);
    await page.fill('#login-password', account.password);
    await page.click('#login-submit');
    await page.waitForSelector('body[data-ready="kpis"]');
    expect(await page.locator('svg.chart').count()).toBe(4);
    // one bar per active stage in the first chart
    expect(await page.locator('svg.chart').first().locator('rect').count()).toBe(6);
    await page.click('#lang-switch');
    await page.waitForSelector('body[data-ready="kpis"]');
    expect(await page.textContent('#tab-kpis')).toBe('KPIs');
    await context.close();
  }, 60_000);

  test('when the staff page is opened with ?lang=en, then it speaks English like every other page, and ?lang=sv wins over the stored choice', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/staff.html?lang=en`);
    await page.waitForSelector('#login-form h2');
    expect(await page.textContent('#login-form h2')).toBe('Sign in');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // the choice is remembered (localStorage 'en'), yet the URL's lang decides
    await page.goto(`${server.url}/staff.html?lang=sv`);
    await page.waitForSelector('#login-form h2');
    expect(await page.textContent('#login-form h2')).toBe('Logga in');
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await context.close();
  }, 60_000);
});
