// Shared steps of the map browser tests: open the page, wait for the map, read what it
// renders through the `window.etableraMap` test hook (features, not pixels).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

export const SCREENSHOTS = path.resolve(__dirname, '../output/screenshots');

export interface OpenedPage {
  page: Page;
  errors: string[];
  external: string[];
}

/** A page at `url` with console errors and off-server requests recorded; waits for the map. */
export async function openMap(browser: Browser, baseUrl: string, pathAndQuery = '/', viewport = { width: 1280, height: 800 }): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  const external: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(baseUrl) && !u.startsWith('blob:') && !u.startsWith('data:')) external.push(u);
  });
  await page.goto(`${baseUrl}${pathAndQuery}`);
  await waitForMap(page);
  return { page, errors, external };
}

export const waitForMap = (page: Page) => page.waitForSelector('body[data-map-ready="true"]', { timeout: 30_000, state: 'attached' });

/** Properties of the features rendered in the given style layers (deduplicated by ref when present). */
export async function rendered(page: Page, layers: string[]): Promise<Array<Record<string, unknown>>> {
  return page.evaluate((ids) => {
    const map = (window as unknown as { etableraMap: { queryRenderedFeatures: (o: unknown) => Array<{ properties: Record<string, unknown> }> } }).etableraMap;
    const seen = new Map<string, Record<string, unknown>>();
    map.queryRenderedFeatures({ layers: ids }).forEach((f, i) => seen.set(String(f.properties.ref ?? i), f.properties));
    return [...seen.values()];
  }, layers);
}

/** Waits until the map has finished moving and drawing (after a fly-to or fit). */
export async function waitIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as { etableraMap: { loaded: () => boolean; isMoving: () => boolean; once: (e: string, f: () => void) => void; triggerRepaint: () => void } }).etableraMap;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}
