// The national plan statuses in the editor (Swedish and English), and "no digital plan
// loaded" in the map's parcel popup where no plan zone lies under the parcel (issue 12).
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { apiToken, createAccount } from '../support/auth';
import { openMap, screenshot, waitIdle } from './map-helpers';

// East of the seeded data, away from the editor test's squares.
const E = 696_000;
const N = 6_560_000;
const square = (e: number, n: number, side: number) => ({ type: 'Polygon', coordinates: [[[e, n], [e + side, n], [e + side, n + side], [e, n + side], [e, n]]] });

describe('national plan statuses in the UI', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ seeded: true });
    browser = await launchBrowser();
    const planner = await createAccount(server.ctx.db, { role: 'planner' });
    const business = await createAccount(server.ctx.db, { role: 'business' });
    const pt = await apiToken(server.ctx.db, planner.id);
    const bt = await apiToken(server.ctx.db, business.id);
    const post = async (url: string, body: unknown) => {
      const token = url.startsWith('/api/land') ? bt : pt; // parcels are the business unit's layer
      const res = await fetch(`${server.url}${url}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(201);
    };
    await post('/api/plans?crs=3006', {
      type: 'Feature', geometry: square(E, N, 200),
      properties: { ref: 'NS-Z1', planId: 'NS-DP', planName: 'Överklagade planen', status: 'appealed', useCodes: ['J'], maxGrossFloorAreaPercent: 120, maxBuildingAreaM2: 9000 },
    });
    // as an imported national plan would have it: planId a UUID, the designation beside it
    await server.ctx.db.query("update plans set designation = 'Dp NS-1' where plan_id = 'NS-DP'");
    await post('/api/land?crs=3006', { type: 'Feature', geometry: square(E + 50, N + 50, 100), properties: { ref: 'Nationell 1:1', ownerType: 'municipal', status: 'available' } });
    await post('/api/land?crs=3006', { type: 'Feature', geometry: square(E + 400, N + 50, 100), properties: { ref: 'Nationell 1:2', ownerType: 'municipal', status: 'available' } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openEditor(lang: 'sv' | 'en'): Promise<{ page: Page; errors: string[] }> {
    const account = await createAccount(server.ctx.db, { role: 'planner' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
    await page.goto(`${server.url}/editor.html?lang=${lang}`);
    await page.waitForSelector('body[data-editor-ready="true"]');
    await page.fill('#sign-in-email', account.email);
    await page.fill('#sign-in-password', account.password);
    await page.click('#sign-in-form button[type="submit"]');
    await page.waitForSelector('#editor-section:not([hidden])');
    await page.waitForSelector('body[data-editor-ready="true"]');
    // centre on the zone's north-east part (not under the parcels) and click it
    await page.evaluate(([x, y]) => {
      const ed = (window as unknown as { etableraEditor: { map: { getView(): { setCenter(c: number[]): void; setResolution(r: number): void }; renderSync(): void } } }).etableraEditor;
      ed.map.getView().setCenter([x, y]);
      ed.map.getView().setResolution(1);
      ed.map.renderSync();
    }, [E + 175, N + 175]);
    const box = (await page.locator('#map').boundingBox())!;
    const [px, py] = await page.evaluate((c) => (window as unknown as { etableraEditor: { pixelOf(c: number[]): number[] } }).etableraEditor.pixelOf(c), [E + 175, N + 175]);
    await page.mouse.click(box.x + px, box.y + py);
    await page.waitForSelector('#feature-form:not([hidden])');
    return { page, errors };
  }

  const options = (page: Page) => page.$$eval('#field-status option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent?.trim()]));

  test('when a planner opens a zone in Swedish, then the status select names every national status, and a move to tillsyn is saved', async () => {
    const { page, errors } = await openEditor('sv');
    expect(await page.inputValue('#field-planName')).toBe('Överklagade planen');
    expect(await options(page)).toEqual(expect.arrayContaining([
      ['programme', 'Planprogram'], ['started', 'Påbörjad'], ['consultation', 'Samråd'], ['review', 'Granskning'], ['adopted', 'Antagen'],
      ['appealed', 'Överklagad'], ['supervision', 'Tillsyn'], ['in_force', 'Laga kraft'], ['cancelled', 'Upphävd'], ['discontinued', 'Avslutad'],
    ]));
    expect(await page.inputValue('#field-status')).toBe('appealed');
    expect(await page.textContent('label[for="field-maxBuildingAreaPercent"]')).toMatch(/Största byggnadsarea \(% av fastighetsarean\)/);
    await page.selectOption('#field-status', 'supervision');
    await page.click('#save');
    await page.waitForFunction(() => document.querySelector('#message')?.textContent?.includes('Sparat'));
    const { rows } = await server.ctx.db.query("select status from plans where plan_id = 'NS-DP'");
    expect(rows).toEqual([{ status: 'supervision' }]);
    await screenshot(page, 'editor-national-statuses.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('when the editor is in English, then the statuses are named in English', async () => {
    const { page, errors } = await openEditor('en');
    expect(await options(page)).toEqual(expect.arrayContaining([
      ['started', 'Started'], ['appealed', 'Appealed'], ['supervision', 'Under supervision'], ['discontinued', 'Discontinued'],
    ]));
    expect(errors).toEqual([]);
    await page.close();
  });

  test('when a parcel outside every loaded plan is clicked on the map, then its popup says no digital plan is loaded; one inside a zone does not, and the zone shows its building rights', async () => {
    const { page, errors } = await openMap(browser, server.url, '/?lang=sv');
    const { rows } = await server.ctx.db.query(
      `select ref, ST_X(c) as lon, ST_Y(c) as lat from (select ref, ST_Transform(ST_Centroid(geom), 4326) as c from land_parcels where ref like 'Nationell 1:%') x order by ref`);
    await page.evaluate(([lon, lat]) => {
      (window as unknown as { etableraMap: { jumpTo(o: unknown): void } }).etableraMap.jumpTo({ center: [lon, lat], zoom: 15.5 });
    }, [(rows[0].lon + rows[1].lon) / 2, rows[0].lat]);
    await waitIdle(page);
    const popupText = async (lon: number, lat: number) => {
      const pt = await page.evaluate((ll) => (window as unknown as { etableraMap: { project(ll: number[]): { x: number; y: number } } }).etableraMap.project(ll), [lon, lat]);
      const box = (await page.locator('#map').boundingBox())!;
      await page.mouse.click(box.x + pt.x, box.y + pt.y);
      const popup = page.locator('.maplibregl-popup .facts');
      await popup.waitFor();
      const text = (await popup.textContent())!;
      await page.locator('.maplibregl-popup-close-button').click();
      return text;
    };
    const inside = await popupText(rows[0].lon, rows[0].lat);
    expect(inside).toContain('Nationell 1:1');
    expect(inside).not.toContain('Ingen digital detaljplan inläst');
    const outside = await popupText(rows[1].lon, rows[1].lat);
    expect(outside).toContain('Nationell 1:2');
    expect(outside).toContain('Ingen digital detaljplan inläst');
    expect(outside).not.toMatch(/ingen plan\b/i);
    // the zone itself, north-east of the parcel: its building rights
    const { rows: [z] } = await server.ctx.db.query(
      `select ST_X(c) as lon, ST_Y(c) as lat from (select ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 3006), 4326) as c) x`, [E + 175, N + 175]);
    const zone = (await popupText(z.lon, z.lat)).replace(/\s/g, ' ');
    expect(zone).toContain('Överklagade planen (Dp NS-1)');
    expect(zone).toMatch(/Största bruttoarea, andel av fastighetsarean\s*120 %/);
    expect(zone).toMatch(/Största byggnadsarea\s*9 000 m²/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
