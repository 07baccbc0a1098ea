// The download buttons of the map and planner pages, in real Chromium: each link downloads
// the export it names, and a search's results download as a file with its ranked sites.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

describe('download buttons', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ seeded: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  const download = async (page: Page, click: () => Promise<void>) => {
    const [d] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: d.suggestedFilename(), bytes: fs.readFileSync((await d.path())!) };
  };

  it('when the map page’s layer downloads are used, then each format of the chosen layer arrives', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${server.url}/?lang=en`);
    const box = page.locator('#layer-downloads');
    await box.locator('select').selectOption('premises');
    const gpkg = await download(page, () => box.locator('a[data-format="gpkg"]').click());
    expect(gpkg.name).toMatch(/^etablera-premises-\d{4}-\d{2}-\d{2}\.gpkg$/);
    expect(gpkg.bytes.subarray(0, 15).toString()).toBe('SQLite format 3');
    const csv = await download(page, () => box.locator('a[data-format="csv"]').click());
    const api = await (await fetch(`${server.url}/api/premises`)).json();
    expect(csv.bytes.toString('utf8').trim().split('\r\n')).toHaveLength(api.features.length + 1);
    const gj = await download(page, () => box.locator('a[data-format="geojson"]').click());
    expect(JSON.parse(gj.bytes.toString('utf8')).features).toEqual(api.features);
    await page.close();
  });

  it('when a search has results, then they download as CSV in rank order', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${server.url}/?lang=en&use=industry&minAreaM2=5000`);
    const buttons = page.locator('[data-testid="match-downloads"]');
    await buttons.waitFor({ timeout: 30_000 });
    const match = await (await fetch(`${server.url}/api/match`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ use: 'industry', minAreaM2: 5000 }) })).json();
    const csv = await download(page, () => buttons.locator('button[data-format="csv"]').click());
    expect(csv.name).toMatch(/^etablera-match-.*\.csv$/);
    const refs = csv.bytes.toString('utf8').trim().split('\r\n').slice(1).map((line) => /^(?:"[^"]*"|[^,]*),"?\d+"?,\w+,([^,]*),/.exec(line)?.[1]);
    expect(refs).toEqual(match.results.map((r: { ref: string }) => r.ref));
    await page.close();
  });

  it('when the planner page loads, then its layer downloads point at the exports', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${server.url}/planner.html?lang=sv`);
    const links = page.locator('#layer-downloads a');
    await expect(links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual([
      '/api/export/plans.geojson', '/api/export/plans.csv', '/api/export/plans.gpkg',
    ]);
    const gpkg = await download(page, () => links.nth(2).click());
    expect(gpkg.bytes.subarray(0, 15).toString()).toBe('SQLite format 3');
    await page.close();
  });
});
