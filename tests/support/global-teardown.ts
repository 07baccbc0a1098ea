// Drops every database this run made, templates included; with LOG_CAPTURE, first proves that
// no log line of the whole run holds a secret (log-capture.ts) — a leak fails the run.
import fs from 'node:fs';
import { onAdmin, dropDatabase, runPrefix } from './databases';
import { findLeaks, runFiles } from './log-capture';

function scanLogs(): void {
  const dir = process.env.LOG_CAPTURE;
  const run = process.env.ETABLERA_TEST_RUN;
  if (!dir || !run) return;
  const { logs, secrets } = runFiles(dir, run);
  const { lines, leaks } = findLeaks(logs, secrets);
  // A capture that caught nothing proves nothing: the wiring broke.
  if (lines === 0) throw new Error(`LOG_CAPTURE is on but no log line was captured in ${dir}`);
  process.stdout.write(`\nlog capture: ${lines} log lines scanned against ${secrets.length} recorded secrets: ${leaks.length} leaks\n`);
  if (leaks.length > 0) {
    const shown = leaks.slice(0, 20).map((l) => `  ${l.file}:${l.line}: ${l.what}`).join('\n');
    throw new Error(`secrets in the log (files kept for inspection):\n${shown}`);
  }
  for (const f of fs.readdirSync(dir).filter((n) => n.startsWith(`${run}-`))) fs.rmSync(`${dir}/${f}`);
}

export default async function globalTeardown(): Promise<void> {
  try {
    scanLogs();
  } finally {
    if (!process.env.KEEP_TEST_DATABASES) {
      await onAdmin(async (c) => {
        const { rows } = await c.query('select datname from pg_database where datname like $1', [`${runPrefix()}%`]);
        for (const r of rows) await dropDatabase(c, r.datname);
      });
    }
  }
}
