import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { apiToken, createAccount } from '../support/auth';

const OUT = path.resolve(__dirname, '../output/screenshots');
// East of the seeded data: nothing to snap to, so clicks land where they are made.
const E0 = 690_000;
const N0 = 6_560_000;

describe('the OpenLayers editor', () => {
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

  const q = async (sql: string, params: unknown[] = []) => (await server.ctx.db.query(sql, params)).rows;

  async function api(token: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, etag: res.headers.get('etag'), body: await res.json() };
  }

  async function openSignedIn(role: 'owner' | 'business' | 'planner'): Promise<{ page: Page; errors: string[]; accountId: number }> {
    const account = await createAccount(server.ctx.db, { role });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
    await page.goto(`${server.url}/editor.html?lang=sv`);
    await page.waitForSelector('body[data-editor-ready="true"]');
    await page.fill('#sign-in-email', account.email);
    await page.fill('#sign-in-password', account.password);
    await page.click('#sign-in-form button[type="submit"]');
    await page.waitForSelector('#editor-section:not([hidden])');
    await page.waitForSelector('body[data-editor-ready="true"]');
    return { page, errors, accountId: account.id };
  }

  /** Centres the map on [e, n] at `resolution` m/pixel and returns the page point of a coordinate. */
  async function centre(page: Page, e: number, n: number, resolution = 1) {
    await page.evaluate(
      ([x, y, r]) => {
        const ed = (window as unknown as { etableraEditor: { map: { getView(): { setCenter(c: number[]): void; setResolution(r: number): void }; renderSync(): void } } }).etableraEditor;
        ed.map.getView().setCenter([x, y]);
        ed.map.getView().setResolution(r);
        ed.map.renderSync();
      },
      [e, n, resolution],
    );
    const box = (await page.locator('#map').boundingBox())!;
    return async (ce: number, cn: number) => {
      const [px, py] = await page.evaluate(
        (c) => (window as unknown as { etableraEditor: { pixelOf(c: number[]): number[] } }).etableraEditor.pixelOf(c),
        [ce, cn],
      );
      return { x: box.x + px, y: box.y + py };
    };
  }

  test('when an owner signs in, draws a premises and saves it, then it is on the public API and the public map where it was drawn', async () => {
    const { page, errors } = await openSignedIn('owner');
    const at = await centre(page, E0, N0, 1);
    await page.click('#new-feature');
    const p = await at(E0 + 20, N0 + 10);
    await page.mouse.click(p.x, p.y);
    await page.waitForSelector('#feature-form:not([hidden])');
    expect(await page.textContent('#geometry-info')).toMatch(/E 690020, N 6560010/);
    await page.fill('#field-title', 'Kontor i editortestet');
    await page.fill('#field-floorAreaM2', '321');
    await page.click('#save');
    await page.waitForFunction(() => document.querySelector('#message')?.textContent?.includes('Sparat'));

    const pub = (await (await fetch(`${server.url}/api/premises?kind=office`)).json()) as { features: Array<{ properties: { title: string; ref: string; floorAreaM2: number } }> };
    const mine = pub.features.filter((f) => f.properties.title === 'Kontor i editortestet');
    expect(mine).toHaveLength(1);
    expect(mine[0].properties.floorAreaM2).toBe(321);
    const [stored] = await q('select ST_X(geom) as x, ST_Y(geom) as y, owner_account_id is not null as owned from premises where ref = $1', [mine[0].properties.ref]);
    // one pixel is one metre here: the stored point is the clicked one to within a pixel
    expect(Math.abs(stored.x - (E0 + 20))).toBeLessThan(1);
    expect(Math.abs(stored.y - (N0 + 10))).toBeLessThan(1);
    expect(stored.owned).toBe(true);
    // it is among "my premises" with the one-click confirm available on the form
    await page.waitForSelector(`#mine-list li[data-ref="${mine[0].properties.ref}"]`);
    expect(await page.isVisible('#confirm')).toBe(true);
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, 'editor-owner.png') });
    expect(errors).toEqual([]);

    // and the public map shows it where it was drawn
    const [lonlat] = await q('select ST_X(ST_Transform(geom, 4326)) as lon, ST_Y(ST_Transform(geom, 4326)) as lat from premises where ref = $1', [mine[0].properties.ref]);
    await page.goto(`${server.url}/?lang=sv`);
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 30_000 });
    const refs = await page.evaluate(async ([lon, lat]) => {
      const map = (window as unknown as { etableraMap: { jumpTo(o: unknown): void; once(e: string, f: () => void): void; project(c: number[]): { x: number; y: number }; queryRenderedFeatures(p: unknown, o: unknown): Array<{ properties: { ref: string } }> } }).etableraMap;
      await new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.jumpTo({ center: [lon, lat], zoom: 16 });
      });
      const p = map.project([lon, lat]);
      return map.queryRenderedFeatures([[p.x - 8, p.y - 8], [p.x + 8, p.y + 8]], { layers: ['premises-circle'] }).map((f) => f.properties.ref);
    }, [lonlat.lon, lonlat.lat]);
    expect(refs).toContain(mine[0].properties.ref);
    await page.close();
  });

  test('when an owner’s listing has gone stale, then the editor marks it and one click confirms it', async () => {
    const { page, errors, accountId: id } = await openSignedIn('owner');
    await q(
      "insert into premises (ref, title, kind, floor_area_m2, status, geom, owner_account_id, confirmed_at) values ('ED-STALE', 'Gammal annons', 'office', 100, 'available', ST_SetSRID(ST_MakePoint($1, $2), 3006), $3, now() - interval '200 days')",
      [E0 + 500, N0, id],
    );
    await page.reload();
    await page.waitForSelector('#mine-list li[data-ref="ED-STALE"].ed-stale');
    expect(await page.textContent('#mine-list li[data-ref="ED-STALE"]')).toMatch(/inaktuell/);
    await page.click('#mine-list li[data-ref="ED-STALE"] .ed-confirm');
    await page.waitForSelector('#mine-list li[data-ref="ED-STALE"]:not(.ed-stale)');
    const [row] = await q("select now() - confirmed_at < interval '1 minute' as fresh from premises where ref = 'ED-STALE'");
    expect(row.fresh).toBe(true);
    const pub = (await (await fetch(`${server.url}/api/premises/ED-STALE`)).json()) as { properties: { stale: boolean } };
    expect(pub.properties.stale).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('when a polygon crosses itself, then the browser says so with the live area and nothing is sent; a clean square is saved with its area', async () => {
    const { page, errors } = await openSignedIn('business');
    await page.selectOption('#layer-select', 'land');
    await page.waitForSelector('body[data-editor-ready="true"]');
    const at = await centre(page, E0 + 1000, N0, 1);
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().includes('/api/land') && posts.push(r.url()));
    await page.click('#new-feature');
    // bow-tie: (0,0) → (100,100) → (100,0) → (0,100) → back to (0,0)
    for (const [de, dn] of [[0, 0], [100, 100], [100, 0], [0, 100], [0, 0]]) {
      const p = await at(E0 + 1000 + de, N0 + dn);
      await page.mouse.click(p.x, p.y);
    }
    await page.waitForSelector('#feature-form:not([hidden])');
    expect(await page.textContent('#geometry-info')).toMatch(/korsar sig själv/);
    await page.fill('#field-ref', 'Editortest 1:1');
    await page.click('#save');
    expect(await page.textContent('#message')).toMatch(/korsar sig själv/);
    expect(posts).toEqual([]);
    await page.click('#cancel-edit');

    await page.click('#new-feature');
    for (const [de, dn] of [[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]]) {
      const p = await at(E0 + 1000 + de, N0 + dn);
      await page.mouse.click(p.x, p.y);
    }
    await page.waitForSelector('#feature-form:not([hidden])');
    const shown = (await page.textContent('#geometry-info'))!;
    const shownM2 = Number(shown.replace(/[^\d]/g, ''));
    await page.fill('#field-ref', 'Editortest 1:2');
    await page.click('#save');
    await page.waitForFunction(() => document.querySelector('#message')?.textContent?.includes('Sparat'));
    const [row] = await q("select ST_Area(geom) as a from land_parcels where ref = 'Editortest 1:2'");
    expect(Math.abs(row.a - 10_000)).toBeLessThan(250); // clicks are exact to a pixel (1 m) per corner
    expect(Math.abs(shownM2 - row.a)).toBeLessThanOrEqual(1); // the live figure is the stored area
    expect(errors).toEqual([]);
    await page.close();
  });

  test('when a planner moves a plan to in force in the editor, then the matching finds the parcel ready instead of in progress', async () => {
    const business = await createAccount(server.ctx.db, { role: 'business' });
    const planner = await createAccount(server.ctx.db, { role: 'planner' });
    const [bt, pt] = [await apiToken(server.ctx.db, business.id), await apiToken(server.ctx.db, planner.id)];
    const E1 = E0 + 3000;
    const square = (side: number) => ({ type: 'Polygon', coordinates: [[[E1, N0], [E1 + side, N0], [E1 + side, N0 + side], [E1, N0 + side], [E1, N0]]] });
    expect((await api(bt, 'POST', '/api/land?crs=3006', { type: 'Feature', geometry: square(120), properties: { ref: 'Editortest 9:1', ownerType: 'municipal', status: 'available' } })).status).toBe(201);
    expect((await api(pt, 'POST', '/api/plans?crs=3006', {
      type: 'Feature', geometry: square(200),
      properties: { ref: 'ED-Z1', planId: 'ED-DP', planName: 'Editortestets plan', status: 'adopted', useCodes: ['J'], expectedLegalForceDate: '2027-03-01' },
    })).status).toBe(201);
    const match = async () => {
      const res = await fetch(`${server.url}/api/match`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ need: 'land', use: 'industry', minAreaM2: 14_000, maxAreaM2: 14_500, limit: 200 }) });
      const body = (await res.json()) as { results: Array<{ ref: string; readiness: string; readyDate: string | null }> };
      return body.results.find((r) => r.ref === 'Editortest 9:1');
    };
    expect(await match()).toMatchObject({ readiness: 'in_progress', readyDate: '2027-03-01' });

    const { page, errors } = await openSignedIn('planner');
    const at = await centre(page, E1 + 100, N0 + 100, 1);
    const p = await at(E1 + 100, N0 + 100);
    await page.mouse.click(p.x, p.y);
    await page.waitForSelector('#feature-form:not([hidden])');
    expect(await page.inputValue('#field-planName')).toBe('Editortestets plan');
    await page.selectOption('#field-status', 'in_force');
    await page.click('#save');
    expect(await page.textContent('[data-field="legalForceDate"] .ed-problem')).toMatch(/krävs när planen har laga kraft/);
    await page.fill('#field-legalForceDate', '2026-01-15');
    await page.click('#save');
    await page.waitForFunction(() => document.querySelector('#message')?.textContent?.includes('Sparat'));
    const [plan] = await q("select status, legal_force_date::text as d from plans where plan_id = 'ED-DP'");
    expect(plan).toEqual({ status: 'in_force', d: '2026-01-15' });
    expect(await match()).toMatchObject({ readiness: 'ready' });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('when someone else saved the zone first, then the editor says so and offers reload and compare; in English too', async () => {
    const planner = await createAccount(server.ctx.db, { role: 'planner' });
    const pt = await apiToken(server.ctx.db, planner.id);
    const E2 = E0 + 6000;
    const geometry = { type: 'Polygon', coordinates: [[[E2, N0], [E2 + 150, N0], [E2 + 150, N0 + 150], [E2, N0 + 150], [E2, N0]]] };
    const created = await api(pt, 'POST', '/api/plans?crs=3006', { type: 'Feature', geometry, properties: { ref: 'ED-Z2', planId: 'ED-DP2', planName: 'Före', status: 'consultation', useCodes: ['K'] } });
    expect(created.status).toBe(201);

    const { page, errors } = await openSignedIn('planner');
    const at = await centre(page, E2 + 75, N0 + 75, 1);
    const p = await at(E2 + 75, N0 + 75);
    await page.mouse.click(p.x, p.y);
    await page.waitForSelector('#feature-form:not([hidden])');
    // a colleague saves first
    const other = await api(pt, 'PATCH', '/api/plans/ED-Z2', { type: 'Feature', properties: { planName: 'Kollegans namn' } }, { 'If-Match': created.etag! });
    expect(other.status).toBe(200);
    await page.fill('#field-planName', 'Mitt namn');
    await page.click('#save');
    await page.waitForSelector('#reload');
    expect(await page.textContent('#message')).toContain('Någon annan har ändrat detta — ladda om eller jämför');
    await page.click('#compare');
    const table = (await page.textContent('#compare-table'))!;
    expect(table).toContain('Mitt namn');
    expect(table).toContain('Kollegans namn');
    expect((await q("select name from plans where plan_id = 'ED-DP2'"))[0].name).toBe('Kollegans namn');
    await page.click('#reload');
    await page.waitForFunction(() => (document.querySelector('#field-planName') as HTMLInputElement | null)?.value === 'Kollegans namn');
    await page.click('#lang-switch');
    expect(await page.textContent('#save')).toBe('Save');
    expect(await page.textContent('label[for="field-status"]')).toMatch(/^Status/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('when an owner signs up, then they cannot publish until the business unit approves them in the editor; then their footprint is saved', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/editor.html?lang=sv`);
    await page.waitForSelector('body[data-editor-ready="true"]');
    await page.click('#sign-up summary');
    await page.fill('#sign-up-name', 'Lokalägare AB');
    await page.fill('#sign-up-organisation', 'Lokalägare AB');
    await page.fill('#sign-up-email', 'lokalagare@example.test');
    await page.fill('#sign-up-password', 'ett-langt-losenord');
    await page.click('#sign-up-form button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('#message')?.textContent?.includes('väntar på godkännande'));
    expect(await q("select status, role from accounts where email = 'lokalagare@example.test'")).toEqual([{ status: 'pending', role: 'owner' }]);

    // signed in while pending: told so, and the server refuses to publish
    await page.fill('#sign-in-email', 'lokalagare@example.test');
    await page.fill('#sign-in-password', 'ett-langt-losenord');
    await page.click('#sign-in-form button[type="submit"]');
    await page.waitForSelector('#editor-section:not([hidden])');
    await page.waitForSelector('body[data-editor-ready="true"]');
    expect(await page.isVisible('#pending-note')).toBe(true);
    const E3 = E0 + 9000;
    const at = await centre(page, E3 + 20, N0 + 15, 1);
    await page.click('#new-footprint');
    for (const [de, dn] of [[0, 0], [40, 0], [40, 30], [0, 30], [0, 0]]) {
      const p = await at(E3 + de, N0 + dn);
      await page.mouse.click(p.x, p.y);
    }
    await page.waitForSelector('#feature-form:not([hidden])');
    await page.fill('#field-title', 'Butik med fotavtryck');
    await page.selectOption('#field-kind', 'retail');
    await page.fill('#field-floorAreaM2', '1200');
    await page.click('#save');
    await page.waitForFunction(() => document.querySelector('#message')?.textContent?.includes('väntar på godkännande'));
    expect(await q("select count(*)::int as n from premises where title = 'Butik med fotavtryck'")).toEqual([{ n: 0 }]);

    const { page: staff, errors } = await openSignedIn('business');
    const [{ id }] = await q("select id from accounts where email = 'lokalagare@example.test'");
    await staff.click(`#approvals-list li[data-account="${id}"] button`);
    await staff.waitForFunction(() => document.querySelector('#message')?.textContent?.includes('är godkänd'));
    expect(await q('select status from accounts where id = $1', [id])).toEqual([{ status: 'active' }]);
    expect(errors).toEqual([]);
    await staff.close();

    // approved: the same drawing saves
    await page.click('#save');
    await page.waitForFunction(() => document.querySelector('#message')?.textContent?.includes('Sparat'));
    const [row] = await q("select GeometryType(geom) as t, ST_Area(geom) as a from premises where title = 'Butik med fotavtryck'");
    expect(row.t).toBe('POLYGON');
    expect(Math.abs(row.a - 1200)).toBeLessThan(100); // 40 m × 30 m, corners exact to a pixel
    await page.close();
  });

  test('when nobody is signed in, then the editor shows only the sign-in form and asks nothing external', async () => {
    const page = await browser.newPage();
    const external: string[] = [];
    page.on('request', (r) => !r.url().startsWith(server.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:') && external.push(r.url()));
    await page.goto(`${server.url}/editor.html`);
    await page.waitForSelector('body[data-editor-ready="true"]');
    expect(await page.isVisible('#sign-in-form')).toBe(true);
    expect(await page.isVisible('#editor-section')).toBe(false);
    expect(external).toEqual([]);
    await page.close();
  });
});
