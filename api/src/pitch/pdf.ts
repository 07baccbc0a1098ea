import { chromium } from 'playwright-core';
import { AppError } from '../errors/app-error';

// Debian's Chromium with the flags that work headless in a container without GPU or network
// (the same as tests/support/browser.ts).
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-quic', '--disable-sync',
];

// One PDF at a time: each print starts a Chromium, and two cores must also serve the API.
let queue: Promise<unknown> = Promise.resolve();

/** Prints a self-contained HTML document to an A4 PDF with headless Chromium. */
export function htmlToPdf(html: string, executablePath: string): Promise<Buffer> {
  const job = queue.then(async () => {
    const browser = await chromium.launch({ executablePath, headless: true, args: ARGS }).catch((err: Error) => {
      // A deployment without Chromium still serves the page, which prints to PDF in any browser.
      throw new AppError(503, 'pdf_unavailable', `PDF export is not available on this server (${executablePath}: ${err.message.split('\n')[0]}); print the pitch page instead`);
    });
    try {
      const page = await browser.newPage();
      // The document has no external resources; block any so a print never waits on the network.
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
    } finally {
      await browser.close();
    }
  });
  queue = job.catch(() => undefined);
  return job;
}
