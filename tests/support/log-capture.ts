// Captures every log line the test apps and servers write, and every secret the test helpers
// see (session cookies, API tokens, pitch-link tokens), so globalTeardown can prove that no
// secret reached any line of the whole run. On when LOG_CAPTURE names a directory (`npm test`
// sets tests/output/logs); each worker writes files of its own, named by run and process.
import fs from 'node:fs';
import path from 'node:path';

const dir = () => process.env.LOG_CAPTURE;
const run = () => process.env.ETABLERA_TEST_RUN ?? 'norun';

/** This worker's log file, or undefined when capture is off. */
export function captureLogFile(): string | undefined {
  const d = dir();
  return d ? path.resolve(d, `${run()}-${process.pid}.log.ndjson`) : undefined;
}

/** Notes a secret that must never appear in a log line (no-op when capture is off). */
export function recordSecret(value: string | undefined): void {
  const d = dir();
  if (!d || !value) return;
  fs.mkdirSync(d, { recursive: true });
  fs.appendFileSync(path.resolve(d, `${run()}-${process.pid}.secrets`), `${value}\n`);
}

/** Secret-shaped text that must not be in a log line even when no helper recorded it. */
const LEAK_PATTERNS: [string, RegExp][] = [
  ['session cookie', /etablera_session=(?!\[redacted\])[A-Za-z0-9_%-]{8,}/],
  ['bearer token', /Bearer\s+(?!\[redacted\])[A-Za-z0-9._~+/-]{8,}/i],
  ['pitch link token', /\/pitch\/(?!\[redacted\])[A-Za-z0-9_-]{20,}/],
  ['token query parameter', /[?&]token=(?!\[redacted\])[^&"\s]{8,}/],
  ['password field', /"password"\s*:\s*"(?!\[redacted\])/],
];

export interface Leak {
  file: string;
  line: number;
  what: string;
}

/** Every log line of `files` that holds one of `secrets` or a LEAK_PATTERN. */
export function findLeaks(files: string[], secrets: string[]): { lines: number; leaks: Leak[] } {
  let lines = 0;
  const leaks: Leak[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8').split('\n');
    text.forEach((l, i) => {
      if (!l) return;
      lines++;
      const secret = secrets.find((s) => l.includes(s));
      if (secret) leaks.push({ file, line: i + 1, what: `a recorded secret (${secret.slice(0, 4)}…)` });
      for (const [what, re] of LEAK_PATTERNS) if (re.test(l)) leaks.push({ file, line: i + 1, what });
    });
  }
  return { lines, leaks };
}

/** The files of one run in the capture directory: its logs and its recorded secrets. */
export function runFiles(directory: string, runId: string): { logs: string[]; secrets: string[] } {
  if (!fs.existsSync(directory)) return { logs: [], secrets: [] };
  const mine = fs.readdirSync(directory).filter((f) => f.startsWith(`${runId}-`)).map((f) => path.join(directory, f));
  const secrets = mine
    .filter((f) => f.endsWith('.secrets'))
    .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean));
  return { logs: mine.filter((f) => f.endsWith('.log.ndjson')), secrets };
}
