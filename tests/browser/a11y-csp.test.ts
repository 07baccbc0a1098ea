// Issue 13: every page passes axe-core (WCAG 2.1 A/AA rules) with zero violations, in each
// state a user meets it (signed out, signed in, with results), under the strict CSP of
// security-headers.ts (no inline styles, no external origin) with no CSP violation; the map
// results and the editor forms work from the keyboard alone; the pitch PDF is tagged.
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { apiToken, createAccount } from '../support/auth';
import { loadCaseWorld } from '../fixtures/cases/load';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Watched {
  page: Page;
  csp: () => Promise<string[]>;
  errors: string[];
}

describe('accessibility and CSP of every page', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let pitchToken: string;

  beforeAll(async () => {
    server = await startTestServer({ seeded: false });
    await loadCaseWorld(server.testDb.db);
    const staff = await createAccount(server.testDb.db, { role: 'business' });
    const token = await apiToken(server.testDb.db, staff.id);
    const call = async (method: string, url: string, body: unknown) => {
      const res = await fetch(`${server.url}${url}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(201);
      return res.json() as Promise<{ id: number; token: string }>;
    };
    const c = await call('POST', '/api/cases', { companyName: 'Tillgänglig AB' });
    await call('POST', `/api/cases/${c.id}/sites`, { kind: 'land', ref: 'Flemingsberg 1:1' });
    pitchToken = (await call('POST', `/api/cases/${c.id}/pitch-links`, { sites: [{ kind: 'land', ref: 'Flemingsberg 1:1' }] })).token;
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(() => context?.close());
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page that records every CSP violation (from the document's own event) and error. */
  async function open(path: string, ready: string): Promise<Watched> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector(ready, { timeout: 30_000 });
    return { page, errors, csp: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations) };
  }

  async function axe(page: Page): Promise<string[]> {
    const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  }

  async function signIn(page: Page, emailSel: string, passwordSel: string, submitSel: string, role: 'owner' | 'business' | 'planner') {
    const a = await createAccount(server.testDb.db, { role });
    await page.fill(emailSel, a.email);
    await page.fill(passwordSel, a.password);
    await page.click(submitSel);
  }

  test.each([
    ['/', 'body[data-map-ready="true"]'],
    ['/?lang=en', 'body[data-map-ready="true"]'],
    ['/intake.html', 'body[data-intake-ready="true"]'],
    ['/planner.html', 'body[data-planner-ready="true"]'],
    ['/staff.html', 'body[data-ready="sign-in"]'],
    ['/editor.html', 'body[data-editor-ready="true"]'],
  ])('when %s is opened, then axe finds no violation and the CSP blocks nothing', async (path, ready) => {
    const { page, csp, errors } = await open(path, ready);
    expect(await axe(page)).toEqual([]);
    expect(await csp()).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('when the pitch link is opened, then axe finds no violation, the map renders under the CSP, and its PDF is tagged', async () => {
    const { page, csp, errors } = await open(`/pitch.html?token=${pitchToken}`, 'body[data-ready="sv"]');
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 30_000 });
    expect(await axe(page)).toEqual([]);
    expect(await csp()).toEqual([]);
    expect(errors).toEqual([]);
    const pdf = Buffer.from(await (await fetch(`${server.url}/api/pitch/${pitchToken}/pdf`)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdfinfo', ['-'], { input: pdf }).toString()).toMatch(/^Tagged:\s+yes$/m);
  });

  test('when staff sign in, then the cases view has no axe violation either', async () => {
    const { page, csp } = await open('/staff.html', 'body[data-ready="sign-in"]');
    await signIn(page, '#login-email', '#login-password', '#login-submit', 'business');
    await page.waitForSelector('body[data-ready]:not([data-ready="sign-in"])');
    expect(await axe(page)).toEqual([]);
    expect(await csp()).toEqual([]);
  });

  test('when an owner signs in to the editor, then the signed-in editor has no axe violation', async () => {
    const { page, csp } = await open('/editor.html', 'body[data-editor-ready="true"]');
    await signIn(page, '#sign-in-email', '#sign-in-password', '#sign-in-form button[type="submit"]', 'owner');
    await page.waitForSelector('#editor-section:not([hidden])');
    await page.waitForSelector('body[data-editor-ready="true"]');
    expect(await axe(page)).toEqual([]);
    expect(await csp()).toEqual([]);
  });

  /** Presses Tab until `selector` has the focus (at most `max` times); false when it never does. */
  async function tabTo(page: Page, selector: string, max = 80): Promise<boolean> {
    for (let i = 0; i < max; i++) {
      if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return true;
      await page.keyboard.press('Tab');
    }
    return false;
  }

  test('when the map search is used with the keyboard only, then skip link, form, results and selection all work, and the results state has no axe violation', async () => {
    const { page, csp, errors } = await open('/', 'body[data-map-ready="true"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await tabTo(page, '#use')).toBe(true);
    await page.keyboard.press('ArrowDown'); // a use other than the first
    expect(await tabTo(page, '#minAreaM2')).toBe(true);
    await page.keyboard.type('100');
    await page.keyboard.press('Enter'); // submits the form
    await page.waitForSelector('#results-list button.result');
    expect(await tabTo(page, '#results-list button.result')).toBe(true);
    const count = await page.locator('#results-list button.result').count();
    if (count > 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const chosen = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.ref);
    await page.waitForSelector(`#results-list button.result[data-ref="${chosen}"][aria-current="true"]`);
    await page.waitForSelector('.maplibregl-popup .result-facts');
    expect(await axe(page)).toEqual([]);
    expect(await csp()).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('when an owner signs in and edits a listing with the keyboard only, then it is saved', async () => {
    const owner = await createAccount(server.testDb.db, { role: 'owner' });
    const token = await apiToken(server.testDb.db, owner.id);
    const created = await fetch(`${server.url}/api/premises`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [17.93, 59.22] }, properties: { title: 'Tangentbordslokal', kind: 'office', floorAreaM2: 100 } }),
    });
    expect(created.status).toBe(201);
    const ref = ((await created.json()) as { properties: { ref: string } }).properties.ref;
    const { page, csp, errors } = await open('/editor.html', 'body[data-editor-ready="true"]');
    expect(await tabTo(page, '#sign-in-email')).toBe(true);
    await page.keyboard.type(owner.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(owner.password);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#mine-list li[data-ref="${ref}"] button.ed-link`);
    expect(await tabTo(page, `#mine-list li[data-ref="${ref}"] button.ed-link`)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#feature-form:not([hidden])');
    expect(await tabTo(page, '#field-title')).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Omdöpt med tangentbordet');
    expect(await tabTo(page, '#save')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#message')?.textContent?.includes('Sparat'));
    const { rows } = await server.testDb.db.query('select title from premises where ref = $1', [ref]);
    expect(rows[0].title).toBe('Omdöpt med tangentbordet');
    expect(await axe(page)).toEqual([]);
    expect(await csp()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
