import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

const OUT = path.resolve(__dirname, '../output/screenshots');

/** "1 234,5" (sv, with no-break spaces) or "1,234.5" (en) back to a number. */
function parseShown(text: string, lang: 'sv' | 'en'): number {
  const plain = text.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  return Number(lang === 'sv' ? plain.replace(/,/g, '.') : plain.replace(/,/g, ''));
}

type Row = { areaRef?: string; use: string; readyHa: number; inProgressHa: Record<string, number>; vacantPremisesM2: number; grossFloorAreaM2: number | null };

async function shownFigures(page: Page) {
  return page.$$eval('#readiness-figures tbody tr', (trs) =>
    trs.map((tr) => ({
      area: tr.getAttribute('data-area'),
      use: tr.getAttribute('data-use'),
      cells: Object.fromEntries(
        Array.from(tr.querySelectorAll('td[data-field]')).map((td) => [td.getAttribute('data-field'), (td.childNodes[0]?.textContent ?? '').trim()]),
      ),
    })),
  );
}

describe('the planner view', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ seeded: true });
    // Two saved requests: one nothing in the seed can meet (500 ha), one most likely met.
    await server.testDb.db.query('insert into match_requests (company_name, criteria) values ($1, $2), ($3, $4)', [
      'Stort lager AB', { use: 'logistics', minAreaM2: 5_000_000, areas: ['lanna'] },
      'Litet kontor AB', { use: 'office', minAreaM2: 100 },
    ]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const api = async <T>(p: string): Promise<T> => (await fetch(`${server.url}${p}`)).json() as Promise<T>;

  test('when /planner.html is opened, then the figures, timeline and unmet demand shown match the API, in Swedish and English', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) external.push(r.url());
    });
    await page.goto(`${server.url}/planner.html?lang=sv`);
    await page.waitForSelector('body[data-planner-ready="true"]', { timeout: 30_000 });

    const readiness = await api<{ rows: Row[]; municipality: Row[] }>('/api/readiness');
    expect(readiness.rows.length).toBeGreaterThan(0);
    for (const lang of ['sv', 'en'] as const) {
      if (lang === 'en') {
        await page.click('#lang-switch');
        await page.waitForSelector('body[data-planner-ready="true"]');
        expect(await page.textContent('#readiness-h')).toBe('Plan readiness by area');
      } else {
        expect(await page.textContent('#readiness-h')).toBe('Planberedskap per område');
      }
      const shown = await shownFigures(page);
      // The default use is logistics: one row per area plus the municipality's.
      const want = [...readiness.rows.filter((r) => r.use === 'logistics'), ...readiness.municipality.filter((r) => r.use === 'logistics')];
      expect(shown).toHaveLength(want.length);
      for (const [i, r] of want.entries()) {
        const s = shown[i];
        expect({ area: s.area, use: s.use }).toEqual({ area: r.areaRef ?? 'municipality', use: 'logistics' });
        const inProgress = Object.values(r.inProgressHa).reduce((a, b) => a + b, 0);
        expect(parseShown(s.cells.readyHa, lang)).toBeCloseTo(r.readyHa, 1);
        expect(parseShown(s.cells.inProgressHa, lang)).toBeCloseTo(inProgress, 1);
        expect(parseShown(s.cells.vacantPremisesM2, lang)).toBe(Math.round(r.vacantPremisesM2));
        if (r.grossFloorAreaM2 === null) expect(s.cells.grossFloorAreaM2).toBe('–');
        else expect(parseShown(s.cells.grossFloorAreaM2, lang)).toBe(Math.round(r.grossFloorAreaM2));
      }
    }

    // The choropleth draws the areas.
    const drawn = await page.evaluate(() => {
      const map = (window as unknown as { etableraMap: { queryRenderedFeatures: (o: unknown) => unknown[] } }).etableraMap;
      return map.queryRenderedFeatures({ layers: ['readiness-fill'] }).length;
    });
    expect(drawn).toBeGreaterThan(0);

    // The timeline has one line per plan; the lists name the plans the API flags.
    const pipeline = await api<{ plans: Array<{ planId: string }>; stuck: Array<{ planId: string }>; implementationEndingSoon: Array<{ planId: string }> }>('/api/readiness/pipeline');
    expect(await page.$$eval('#pipeline-timeline g[data-plan]', (gs) => gs.map((g) => g.getAttribute('data-plan')))).toEqual(pipeline.plans.map((p) => p.planId));
    expect(await page.$$eval('#stuck li', (lis) => lis.map((li) => li.getAttribute('data-plan')))).toEqual(pipeline.stuck.map((p) => p.planId));
    expect(await page.$$eval('#ending-soon li', (lis) => lis.map((li) => li.getAttribute('data-plan')))).toEqual(pipeline.implementationEndingSoon.map((p) => p.planId));

    // Unmet demand: the table and the chart show the API's rows.
    const demand = await api<{ rows: Array<{ use: string; areaRef: string | null; requests: number; summary: { en: string } }> }>('/api/readiness/unmet-demand');
    expect(demand.rows.some((r) => r.use === 'logistics' && r.areaRef === 'lanna')).toBe(true);
    const shownDemand = await page.$$eval('#demand-figures tbody tr', (trs) =>
      trs.map((tr) => ({
        use: tr.getAttribute('data-use'),
        area: tr.getAttribute('data-area'),
        requests: tr.querySelector('td[data-field="requests"]')!.textContent,
        summary: tr.querySelector('td[data-field="summary"]')!.textContent,
      })),
    );
    expect(shownDemand).toEqual(demand.rows.map((r) => ({ use: r.use, area: r.areaRef ?? '', requests: String(r.requests), summary: r.summary.en })));
    expect(await page.$$eval('#demand-chart g[data-use]', (gs) => gs.length)).toBe(demand.rows.length);

    // Each part exports CSV in the chosen language.
    expect(await page.getAttribute('#readiness-csv', 'href')).toBe('/api/readiness?format=csv&lang=en');
    expect(await page.getAttribute('#demand-csv', 'href')).toBe('/api/readiness/unmet-demand?format=csv&lang=en');
    expect(await page.isVisible('#illustrative-note')).toBe(true);

    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, 'planner.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
});
