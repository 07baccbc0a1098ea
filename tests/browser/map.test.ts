import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { createTestDb } from '../support/test-db';
import { start } from '../../api/src/server';
import { openMap, rendered, screenshot, waitForMap, waitIdle } from './map-helpers';

// The same request through the form and straight to the API.
const REQUEST = { use: 'logistics', minAreaM2: 5000, areas: ['lanna'], maxDistanceToStationM: 3000 };
const SV_REASON: Record<string, string> = {
  notAvailable: 'ej lediga', outsideAreas: 'utanför valda områden', wrongUse: 'fel detaljplan', tooSmall: 'för små',
  tooLarge: 'för stora', notReadyInTime: 'inte klara i tid', tooFarFromTransit: 'för långt från kollektivtrafik',
};

interface ApiResult { rank: number; ref: string; kind: string; score: number }

describe('the map page', () => {
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

  const apiMatch = async (): Promise<{ results: ApiResult[]; excluded: Record<string, number> }> => {
    const res = await fetch(`${server.url}/api/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(REQUEST) });
    expect(res.status).toBe(200);
    return res.json();
  };

  test('when / is opened, then every layer is rendered, plans in the Boverket colours of the database, with attribution and the illustrative notice', async () => {
    const { page, errors, external } = await openMap(browser, server.url);
    for (const layer of ['municipalities-fill', 'areas-line', 'land-fill', 'land-line', 'plans-fill', 'premises-circle', 'stops-circle']) {
      expect({ layer, rendered: (await rendered(page, [layer])).length > 0 }).toEqual({ layer, rendered: true });
    }
    // Each plan zone is filled with the colour use_codes gives its first use code.
    const { rows } = await server.testDb.db.query('select code, colour from use_codes');
    const colourOf = new Map(rows.map((r) => [r.code, r.colour]));
    const zones = await rendered(page, ['plans-fill']);
    for (const z of zones) expect({ ref: z.ref, colour: z.colour }).toEqual({ ref: z.ref, colour: colourOf.get(String(z.useCodes).charAt(0)) });
    // Huddinge and at least one neighbour are drawn (the offline basemap).
    const municipalities = await rendered(page, ['municipalities-fill']);
    expect(municipalities.map((m) => m.relation)).toEqual(expect.arrayContaining(['focus', 'neighbour']));
    // Planned stops are drawn faded, present ones opaque.
    const opacity = await page.evaluate(() => (window as unknown as { etableraMap: { getPaintProperty: (l: string, p: string) => unknown } }).etableraMap.getPaintProperty('stops-circle', 'circle-opacity'));
    expect(JSON.stringify(opacity)).toContain('planned');

    expect(await page.textContent('.maplibregl-ctrl-attrib')).toContain('Källa: Boverket, Planbestämmelsekatalogen');
    expect(await page.isVisible('#illustrative-note')).toBe(true);
    expect(await page.textContent('#illustrative-note')).toMatch(/illustrativa/);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await screenshot(page, 'map-default.png');
    // The legend names each use code the plans show, with Boverket's name from the table.
    const { rows: codes } = await server.testDb.db.query(
      `select distinct u.code, u.name_sv from plan_zones z join use_codes u on u.code = left(z.use_codes[1], 1) order by 1`,
    );
    const legend = (await page.textContent('#legend'))!;
    for (const c of codes) expect(legend).toContain(`${c.code} – ${c.name_sv}`);
    await page.locator('#legend').scrollIntoViewIfNeeded();
    await screenshot(page, 'map-legend.png');
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  test('when a land parcel is clicked, then a popup shows its facts: status, owner and area in m²', async () => {
    const { page } = await openMap(browser, server.url, '/?x=1');
    await page.selectOption('#zoom-to', 'lanna');
    await waitIdle(page);
    const hit = await page.evaluate(() => {
      const map = (window as unknown as { etableraMap: { queryRenderedFeatures: (o: unknown) => Array<{ properties: Record<string, unknown>; geometry: { coordinates: number[][][] } }>; project: (ll: number[]) => { x: number; y: number } } }).etableraMap;
      // A parcel not under a point symbol: its own interior point from its first ring.
      for (const f of map.queryRenderedFeatures({ layers: ['land-fill'] })) {
        const ring = f.geometry.coordinates[0];
        const lon = ring.reduce((s, p) => s + p[0], 0) / ring.length;
        const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
        const pt = map.project([lon, lat]);
        const top = (map as unknown as { queryRenderedFeatures: (p: unknown[], o: unknown) => Array<{ layer: { id: string }; properties: Record<string, unknown> }> })
          .queryRenderedFeatures([pt.x, pt.y], { layers: ['premises-circle', 'stops-circle', 'land-fill'] });
        if (top[0]?.layer.id === 'land-fill' && top[0].properties.ref === f.properties.ref) return { x: pt.x, y: pt.y, ref: String(f.properties.ref) };
      }
      return null;
    });
    expect(hit).not.toBeNull();
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + hit!.x, box.y + hit!.y);
    const popup = page.locator('.maplibregl-popup .facts');
    await popup.waitFor();
    const { rows } = await server.testDb.db.query('select status, owner_type, round(ST_Area(geom))::int as m2 from land_parcels where ref = $1', [hit!.ref]);
    const status = { available: 'Tillgänglig', reserved: 'Reserverad', sold: 'Såld', not_for_sale: 'Ej till salu' }[rows[0].status as string]!;
    const owner = { municipal: 'Kommunal', private: 'Privat', state: 'Statlig', other: 'Annan' }[rows[0].owner_type as string]!;
    const text = (await popup.textContent())!.replace(/\s/g, ' ');
    expect(text).toContain(hit!.ref);
    expect(text).toContain(status);
    expect(text).toContain(owner);
    expect(text).toContain(`${new Intl.NumberFormat('sv-SE').format(rows[0].m2).replace(/\s/g, ' ')} m²`);
    await screenshot(page, 'map-parcel-popup.png');
    await page.context().close();
  });

  test('when a listing has not been confirmed by its owner for long, then it is drawn faded and its popup says it is left out of the search', async () => {
    const db = server.testDb.db;
    const { rows } = await db.query(
      `select p.ref from premises p join areas a on a.ref = 'flemingsberg' and ST_Intersects(a.geom, p.geom)
       where p.status = 'available' order by p.ref limit 1`,
    );
    const ref = rows[0].ref as string;
    await db.query("update premises set confirmed_at = now() - interval '400 days' where ref = $1", [ref]);
    try {
      const { page } = await openMap(browser, server.url, '/?x=stale');
      await page.selectOption('#zoom-to', 'flemingsberg');
      await waitIdle(page);
      const hit = await page.evaluate((wanted) => {
        const map = (window as unknown as { etableraMap: { queryRenderedFeatures: (o: unknown) => Array<{ properties: Record<string, unknown>; geometry: { coordinates: number[] } }>; project: (ll: number[]) => { x: number; y: number } } }).etableraMap;
        const all = map.queryRenderedFeatures({ layers: ['premises-circle'] });
        const f = all.find((x) => x.properties.ref === wanted);
        if (!f) return null;
        const pt = map.project(f.geometry.coordinates);
        return { x: pt.x, y: pt.y, stale: f.properties.stale, othersStale: all.filter((x) => x.properties.ref !== wanted && x.properties.stale === true).length };
      }, ref);
      expect(hit).toMatchObject({ stale: true, othersStale: 0 });
      const box = (await page.locator('#map').boundingBox())!;
      await page.mouse.click(box.x + hit!.x, box.y + hit!.y);
      const popup = page.locator('.maplibregl-popup .facts');
      await popup.waitFor();
      expect(await popup.textContent()).toMatch(/inte bekräftad av ägaren på länge.*visas inte i sökningen/);
      await page.context().close();
    } finally {
      await db.query('update premises set confirmed_at = now() where ref = $1', [ref]);
    }
  });

  test('when a search is run through the form, then the list, the markers and the highlighted shapes are the results of POST /api/match, and "why not more" gives its counts', async () => {
    const api = await apiMatch();
    expect(api.results.length).toBeGreaterThan(0);
    const { page, errors } = await openMap(browser, server.url);
    await page.check('input[name="need"][value="any"]');
    await page.selectOption('#use', REQUEST.use);
    await page.fill('#minAreaM2', String(REQUEST.minAreaM2));
    await page.check('input[name="areas"][value="lanna"]');
    await page.fill('#maxDistanceToStationM', String(REQUEST.maxDistanceToStationM));
    await page.click('#search-submit');
    await page.waitForSelector('#results-list button.result');
    await waitIdle(page);

    const listed = await page.$$eval('#results-list button.result', (els) => els.map((e) => (e as HTMLElement).dataset.ref));
    expect(listed).toEqual(api.results.map((r) => r.ref));
    const scores = await page.$$eval('#results-list .score', (els) => els.map((e) => Number(e.textContent)));
    expect(scores).toEqual(api.results.map((r) => Math.round(r.score * 100)));
    const markers = await page.$$eval('.result-marker', (els) => els.map((e) => Number(e.textContent)).sort((a, b) => a - b));
    expect(markers).toEqual(api.results.map((r) => r.rank));
    // The view fits all results: each one's shape is drawn, the first three as top sites.
    const shapes = await rendered(page, ['results-outline', 'results-point']);
    expect(shapes.map((s) => s.ref).sort()).toEqual(api.results.map((r) => r.ref).sort());
    expect(shapes.filter((s) => s.top === true).map((s) => s.ref).sort()).toEqual(api.results.slice(0, 3).map((r) => r.ref).sort());
    // Every result explains its score per criterion.
    const first = page.locator('#results-list li.result-item').first();
    expect(await first.locator('.criteria li').count()).toBeGreaterThanOrEqual(4);
    // ...in Swedish where the result carries the facts (the service's own text is English).
    const firstApi = api.results[0] as ApiResult & { transit: { name: string; distanceM: number } | null };
    if (firstApi.transit) {
      const m = new Intl.NumberFormat('sv-SE').format(Math.round(firstApi.transit.distanceM)).replace(/\s/g, ' ');
      expect((await first.locator('.criteria').textContent())!.replace(/\s/g, ' ')).toContain(`${m} m till ${firstApi.transit.name}`);
    }
    const why = (await page.textContent('#why-not'))!;
    for (const [reason, n] of Object.entries(api.excluded)) if (n > 0) expect(why).toContain(`${n} ${SV_REASON[reason]}`);
    // The URL carries the search.
    const q = new URL(page.url()).searchParams;
    expect(q.get('use')).toBe('logistics');
    expect(q.get('minAreaM2')).toBe('5000');
    expect(q.get('areas')).toBe('lanna');
    await screenshot(page, 'map-search-results.png');

    // Reloading the URL gives the same results.
    await page.reload();
    await waitForMap(page);
    await page.waitForSelector('#results-list button.result');
    expect(await page.$$eval('#results-list button.result', (els) => els.map((e) => (e as HTMLElement).dataset.ref))).toEqual(listed);
    expect(await page.inputValue('#minAreaM2')).toBe('5000');
    expect(await page.isChecked('input[name="areas"][value="lanna"]')).toBe(true);

    // Selecting a result (keyboard: arrow down to the second, Enter) flies to it and opens its facts.
    await page.focus('#results-list button.result >> nth=0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const second = api.results[1] ?? api.results[0];
    await page.waitForSelector('.maplibregl-popup .result-facts');
    expect(await page.textContent('.maplibregl-popup .result-facts h3')).toBe(`${second.rank}. ${second.ref}`);
    expect(await page.getAttribute(`#results-list button.result[data-ref="${second.ref}"]`, 'aria-current')).toBe('true');
    expect(new URL(page.url()).searchParams.get('sel')).toBe(second.ref);
    await waitIdle(page);
    const centre = await page.evaluate(() => (window as unknown as { etableraMap: { getCenter: () => { lng: number; lat: number } } }).etableraMap.getCenter());
    const { rows } = await server.testDb.db.query(
      `select ST_XMin(e) w, ST_YMin(e) s, ST_XMax(e) e, ST_YMax(e) n from (select ST_Transform(geom, 4326) e from ${second.kind === 'land' ? 'land_parcels' : 'premises'} where ref = $1) x`,
      [second.ref],
    );
    const pad = 0.01;
    expect(centre.lng).toBeGreaterThan(rows[0].w - pad);
    expect(centre.lng).toBeLessThan(rows[0].e + pad);
    expect(centre.lat).toBeGreaterThan(rows[0].s - pad);
    expect(centre.lat).toBeLessThan(rows[0].n + pad);
    expect(await page.locator('.maplibregl-popup').count()).toBe(1);
    await page.waitForTimeout(700);
    await screenshot(page, 'map-result-selected.png');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('when the language is switched, then the page is in English with the same search, and stays English on the next visit', async () => {
    const api = await apiMatch();
    const q = new URLSearchParams({ use: REQUEST.use, minAreaM2: String(REQUEST.minAreaM2), areas: 'lanna', maxDistanceToStationM: String(REQUEST.maxDistanceToStationM) });
    const { page, errors } = await openMap(browser, server.url, `/?${q}`);
    await page.waitForSelector('#results-list button.result');
    expect(await page.textContent('#search-submit')).toBe('Sök');
    await page.click('#lang-switch');
    await waitForMap(page);
    await page.waitForSelector('#results-list button.result');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#search-submit')).toBe('Search');
    expect(await page.textContent('label[for="minAreaM2"]')).toBe('Minimum area (m²)');
    expect(await page.textContent('#lang-switch')).toBe('Svenska');
    expect(await page.$$eval('#results-list button.result', (els) => els.map((e) => (e as HTMLElement).dataset.ref))).toEqual(api.results.map((r) => r.ref));
    const tooSmall = api.excluded.tooSmall ?? 0;
    if (tooSmall > 0) expect(await page.textContent('#why-not')).toContain(`${tooSmall} too small`);
    await screenshot(page, 'map-english.png');
    // A later visit without ?lang remembers the choice.
    await page.goto(server.url);
    await waitForMap(page);
    expect(await page.textContent('#search-submit')).toBe('Search');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('when the form lacks the minimum area, then it says so and sends nothing', async () => {
    const { page } = await openMap(browser, server.url);
    let posted = 0;
    page.on('request', (r) => r.url().endsWith('/api/match') && posted++);
    await page.click('#search-submit');
    expect(await page.textContent('#search-form-error')).toBe('Fyll i verksamhet och minsta yta.');
    expect(await page.getAttribute('#minAreaM2', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('minAreaM2');
    expect(posted).toBe(0);
    await page.context().close();
  });

  test('when the API rejects the search, then its message is shown as an error and the list stays empty', async () => {
    const { page, errors } = await openMap(browser, server.url);
    await page.fill('#minAreaM2', '5000');
    await page.fill('#maxAreaM2', '100');
    await page.click('#search-submit');
    await page.waitForSelector('#search-status.error');
    expect(await page.textContent('#search-status')).toContain('maxAreaM2');
    expect(await page.locator('#results-list button.result').count()).toBe(0);
    await screenshot(page, 'map-search-error.png');
    // The 400 itself is logged by Chromium as a failed resource; nothing else may be.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.context().close();
  });

  test('when a layer is toggled off in the legend, then its features are no longer rendered', async () => {
    const { page } = await openMap(browser, server.url);
    expect((await rendered(page, ['premises-circle'])).length).toBeGreaterThan(0);
    await page.uncheck('#toggle-premises');
    await waitIdle(page);
    expect(await rendered(page, ['premises-circle'])).toEqual([]);
    await page.context().close();
  });

  test('when a parcel changes in the database, then a reload in the same browser shows the change (no stale tile)', async () => {
    const { page } = await openMap(browser, server.url);
    await page.selectOption('#zoom-to', 'lanna');
    await waitIdle(page);
    const parcel = (await rendered(page, ['land-fill'])).find((p) => p.status === 'available')!;
    expect(parcel).toBeDefined();
    await server.testDb.db.query(`update land_parcels set status = 'sold' where ref = $1`, [parcel.ref]);
    await page.reload();
    await waitForMap(page);
    await page.selectOption('#zoom-to', 'lanna');
    await waitIdle(page);
    const after = (await rendered(page, ['land-fill'])).find((p) => p.ref === parcel.ref);
    expect(after?.status).toBe('sold');
    await page.context().close();
  });

  test('when the configured external basemap cannot be reached, then the map works on its own (the basemap is never required)', async () => {
    const db = await createTestDb({ seeded: true });
    const running = await start({ databaseUrl: db.url, port: 0, logLevel: 'silent', basemapStyleUrl: 'https://basemap.invalid/style.json' });
    try {
      const { page } = await openMap(browser, running.url);
      expect(await page.evaluate(() => fetch('/config.json').then((r) => r.json()))).toEqual({ basemapStyleUrl: 'https://basemap.invalid/style.json' });
      for (const layer of ['municipalities-fill', 'areas-line', 'land-fill', 'plans-fill', 'stops-circle']) {
        expect({ layer, rendered: (await rendered(page, [layer])).length > 0 }).toEqual({ layer, rendered: true });
      }
      await page.context().close();
    } finally {
      await running.stop();
      await db.drop();
    }
  });

  test('when opened at phone width, then the map and the panel fit without sideways scrolling and the map renders', async () => {
    const { page, errors } = await openMap(browser, server.url, '/', { width: 390, height: 844 });
    expect((await rendered(page, ['areas-line'])).length).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.isVisible('#search-submit')).toBe(true);
    await screenshot(page, 'map-phone.png');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
