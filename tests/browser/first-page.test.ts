import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

const OUT = path.resolve(__dirname, '../output/screenshots');

/** Rendered features of a style layer, through the page's test hook (not pixels). */
async function renderedCount(page: Page, layerId: string): Promise<number> {
  return page.evaluate((id) => {
    const map = (window as unknown as { etableraMap: { queryRenderedFeatures: (o: unknown) => unknown[] } }).etableraMap;
    return map.queryRenderedFeatures({ layers: [id] }).length;
  }, layerId);
}

describe('the first page', () => {
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

  test('when / is opened, then the map renders areas, parcels, plan zones, premises and stops without errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) external.push(r.url());
    });
    await page.goto(server.url);
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 30_000 });
    for (const layer of ['areas-line', 'land-line', 'plans-fill', 'premises-circle', 'stops-circle']) {
      expect({ layer, n: await renderedCount(page, layer) }).toEqual({ layer, n: expect.any(Number) });
      expect(await renderedCount(page, layer)).toBeGreaterThan(0);
    }
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, 'first-page.png') });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
});
