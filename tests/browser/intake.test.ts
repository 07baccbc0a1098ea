import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

const OUT = path.resolve(__dirname, '../output/screenshots');

interface Opened { page: Page; errors: string[]; external: string[]; intakePosts: string[] }

describe('the public intake form', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ seeded: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const counts = async () =>
    (await server.ctx.db.query('select (select count(*) from cases)::int as cases, (select count(*) from match_requests)::int as requests')).rows[0];

  /** Opens the form, collecting console errors, requests outside the server and POSTs to /api/intake. */
  async function open(lang: 'sv' | 'en' = 'sv', expectedStatuses: number[] = []): Promise<Opened> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const o: Opened = { page, errors: [], external: [], intakePosts: [] };
    page.on('console', (m) => {
      // Chromium logs every 4xx of a fetch; the ones a test provokes on purpose are not faults.
      const provoked = m.location().url.endsWith('/api/intake') && expectedStatuses.some((s) => m.text().includes(`status of ${s}`));
      if (m.type() === 'error' && !provoked) o.errors.push(m.text());
    });
    page.on('pageerror', (e) => o.errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) o.external.push(r.url());
      if (r.method() === 'POST' && r.url().endsWith('/api/intake')) o.intakePosts.push(r.postData() ?? '');
    });
    await page.goto(`${server.url}/intake.html?lang=${lang}`);
    await page.waitForSelector('body[data-intake-ready="true"]', { timeout: 30_000 });
    return o;
  }

  /** The fields the API requires, filled validly. */
  async function fillRequired(page: Page, over: { min?: string; max?: string; phone?: string } = {}): Promise<void> {
    await page.fill('#company', 'Testbolaget AB');
    await page.fill('#contact-name', 'Tove Testsson');
    await page.fill('#email', 'tove@testbolaget.example');
    await page.selectOption('#use', 'office');
    await page.fill('#min-area', over.min ?? '300');
    if (over.max !== undefined) await page.fill('#max-area', over.max);
    if (over.phone !== undefined) await page.fill('#phone', over.phone);
    await page.check('#consent');
  }

  test('when a company fills in and sends the form in Swedish, then a case and its saved request hold what was typed and a receipt shows the reference', async () => {
    const { page, errors, external } = await open('sv');
    const dbAreas = (await server.ctx.db.query('select ref, name from areas order by ref')).rows as Array<{ ref: string; name: string }>;
    expect(dbAreas.length).toBeGreaterThan(1);
    const shownAreas = await page.$$eval('input[name="areas"]', (els) => els.map((e) => (e as HTMLInputElement).value).sort());
    expect(shownAreas).toEqual(dbAreas.map((a) => a.ref));
    const chosen = dbAreas.slice(0, 2).map((a) => a.ref);
    const before = await counts();

    await page.fill('#company', 'Södra Lager AB');
    await page.fill('#org-number', '556677-8899');
    await page.fill('#sector', 'Logistik');
    await page.fill('#jobs', '35');
    await page.fill('#investment', '12.5');
    await page.fill('#contact-name', 'Åsa Öberg');
    await page.fill('#email', 'asa@sodralager.example');
    await page.fill('#phone', '08-123 456');
    await page.check('input[name="need"][value="land"]');
    await page.selectOption('#use', 'logistics');
    await page.fill('#min-area', '10000');
    await page.fill('#max-area', '30000');
    for (const ref of chosen) await page.check(`input[name="areas"][value="${ref}"]`);
    await page.fill('#needed-by', '2027-12-31');
    await page.fill('#message', 'Vi söker mark nära väg 73.');
    await page.check('#consent');
    await page.click('#submit');
    await page.waitForSelector('#receipt:not([hidden])');

    expect(await counts()).toEqual({ cases: before.cases + 1, requests: before.requests + 1 });
    const { rows } = await server.ctx.db.query(
      `select c.id, c.stage, c.source, c.company_name, c.org_number, c.investment_msek, c.contact_email,
              r.company_name as r_company, r.contact_name, r.contact_email as r_email, r.contact_phone, r.sector, r.jobs_expected, r.notes, r.criteria
       from cases c join case_requests cr on cr.case_id = c.id join match_requests r on r.id = cr.request_id
       where c.source = 'intake'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      stage: 'first_contact', company_name: 'Södra Lager AB', org_number: '556677-8899', investment_msek: 12.5, contact_email: 'asa@sodralager.example',
      r_company: 'Södra Lager AB', contact_name: 'Åsa Öberg', r_email: 'asa@sodralager.example', contact_phone: '08-123 456',
      sector: 'Logistik', jobs_expected: 35, notes: 'Vi söker mark nära väg 73.',
    });
    // saved as a match request: the matching defaults (limit, station modes) are added there
    expect(rows[0].criteria).toMatchObject({ need: 'land', use: 'logistics', minAreaM2: 10000, maxAreaM2: 30000, areas: chosen, neededBy: '2027-12-31' });

    const receipt = await page.textContent('#receipt');
    expect(receipt).toContain('Tack! Vi hör av oss');
    expect(receipt).toContain(`ETB-${String(rows[0].id).padStart(6, '0')}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('receipt-h');
    // the form is cleared for a next request
    for (const id of ['company', 'contact-name', 'email', 'min-area', 'message']) expect(await page.inputValue(`#${id}`)).toBe('');
    expect(await page.isChecked('#consent')).toBe(false);
    expect(await page.$$eval('input[name="areas"]:checked', (els) => els.length)).toBe(0);
    expect({ errors, external }).toEqual({ errors: [], external: [] });
    await page.close();
  });

  test('when the minimum area is above the maximum, then the form is not sent and the message sits next to the maximum with focus on it', async () => {
    const { page, errors, external, intakePosts } = await open('sv');
    const before = await counts();
    await fillRequired(page, { min: '5000', max: '1000' });
    await page.click('#submit');
    const err = await page.waitForSelector('#max-area-error:not([hidden])');
    expect(await err.textContent()).toBe('Största yta får inte vara mindre än minsta yta.');
    expect((await page.getAttribute('#max-area', 'aria-describedby'))?.split(' ')).toContain('max-area-error');
    expect(await page.getAttribute('#max-area', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('max-area');
    // the error is inside the field's own box, right under its input
    expect(await page.$eval('#max-area-error', (e) => e.parentElement?.querySelector('input')?.id)).toBe('max-area');
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, 'intake.png'), fullPage: true });

    // an empty form: every required field is named and focus goes to the first (company)
    await page.reload();
    await page.waitForSelector('body[data-intake-ready="true"]');
    await page.click('#submit');
    await page.waitForSelector('#company-error:not([hidden])');
    const flagged = await page.$$eval('[aria-invalid="true"]', (els) => els.map((e) => e.id));
    expect(flagged).toEqual(['company', 'contact-name', 'email', 'use', 'min-area', 'consent']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('company');

    expect(intakePosts).toEqual([]);
    expect(await counts()).toEqual(before);
    expect({ errors, external }).toEqual({ errors: [], external: [] });
    await page.close();
  });

  test('when the server rejects a field only it checks (the phone number), then its 400 shows next to that field, in the chosen language', async () => {
    const { page, errors, external, intakePosts } = await open('sv', [400]);
    const before = await counts();
    await fillRequired(page, { phone: 'ring mig' });
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/intake')), page.click('#submit')]);
    expect(response.status()).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^contact\.phone:/);
    const err = await page.waitForSelector('#phone-error:not([hidden])');
    expect(await err.textContent()).toBe('Skriv ett telefonnummer (siffror, mellanslag, +, - och parenteser).');
    expect((await page.getAttribute('#phone', 'aria-describedby'))?.split(' ')).toContain('phone-error');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('phone');
    expect(intakePosts).toHaveLength(1);
    expect(await counts()).toEqual(before);

    // the English switch translates labels and the shown error, and keeps what was typed
    await page.click('#lang-switch');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.textContent('label[for="company"]')).toBe('Company name *');
    expect(await page.textContent('label[for="min-area"]')).toBe('Minimum area (m²) *');
    expect(await page.textContent('#submit')).toBe('Send');
    expect(await page.textContent('#privacy')).toBe("The contact details are seen only by Huddinge municipality's business unit.");
    expect(await page.textContent('#phone-error')).toBe('Enter a phone number (digits, spaces, +, - and brackets).');
    expect(await page.inputValue('#company')).toBe('Testbolaget AB');
    expect({ errors, external }).toEqual({ errors: [], external: [] });
    await page.close();
  });

  test('when the public map is opened, then its header links to the form in the chosen language', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/?lang=en`);
    const link = await page.waitForSelector('#intake-link');
    await page.waitForFunction(() => document.getElementById('intake-link')?.textContent === 'Tell us about your establishment');
    expect(await link.getAttribute('href')).toBe('/intake.html');
    await page.goto(`${server.url}/?lang=sv`);
    await page.waitForFunction(() => document.getElementById('intake-link')?.textContent === 'Anmäl etableringsintresse');
    await page.click('#intake-link');
    await page.waitForSelector('body[data-intake-ready="true"]');
    expect(await page.textContent('h1')).toBe('Anmäl etableringsintresse');
    await page.close();
  });

  // Last: it uses up this server's rate limit for the browser's address.
  test('when the address has sent too many requests, then a clear "try later" message shows and nothing is stored', async () => {
    const { page, errors, external } = await open('sv', [400, 429]);
    // Invalid bodies from the page itself (same address as the form) count against the limit.
    const statuses = await page.evaluate(async () => {
      const seen: number[] = [];
      for (let i = 0; i < 12 && !seen.includes(429); i++) {
        const r = await fetch('/api/intake', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
        seen.push(r.status);
      }
      return seen;
    });
    expect(statuses.at(-1)).toBe(429);
    const before = await counts();
    await fillRequired(page);
    await page.click('#submit');
    const status = await page.waitForSelector('#form-status:not([hidden])');
    expect(await status.textContent()).toBe('För många förfrågningar från din adress. Försök igen om en stund (inom en timme).');
    expect(await page.getAttribute('#form-status', 'role')).toBe('alert');
    expect(await page.isHidden('#receipt')).toBe(true);
    expect(await counts()).toEqual(before);
    expect({ errors, external }).toEqual({ errors: [], external: [] });
    await page.close();
  });
});
