// A real HTTP server of the whole app (createApp with the bench's pool) on a free port, and
// a GET that fails loudly: a bench of an error answer would time the wrong thing.
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../api/src/app';
import { loadConfig } from '../../api/src/config';
import { createLogger } from '../../api/src/logger';
import type { BenchContext } from './run';

export interface BenchServer {
  base: string;
  close: () => Promise<void>;
}

export async function startBenchServer({ db, url }: BenchContext): Promise<BenchServer> {
  // The bench times the service, not its per-address limits: one address asks hundreds of times.
  const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' }, { unmetDemandPerMinute: 1_000_000 });
  const app = createApp({ config, db, log: createLogger('silent') });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Fetched {
  status: number;
  bytes: number;
  etag: string | null;
}

/** GET `path`, read the whole body, and throw unless the status is `expect`. */
export async function get(base: string, path: string, expect = 200, headers: Record<string, string> = {}): Promise<Fetched> {
  const res = await fetch(`${base}${path}`, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== expect) throw new Error(`GET ${path} answered ${res.status} (expected ${expect}): ${body.toString().slice(0, 300)}`);
  return { status: res.status, bytes: body.length, etag: res.headers.get('etag') };
}

/** "12.3 kB", or "42 B" below a kilobyte. */
export function kb(bytes: number): string {
  return bytes < 1000 ? `${Math.round(bytes)} B` : `${(bytes / 1000).toFixed(1)} kB`;
}

/**
 * Requests per second of `path` revalidated with `etag` (each answer must be 304), 16
 * connections for `seconds`, from autocannon in a process of its own: a load generator in
 * the server's own event loop caps the figure by its own cost (fetch against a bare
 * `http.createServer` that only answers 304 tops out near 5 000/s on the 2-core machine).
 */
export async function revalidationsPerSecond(base: string, path: string, etag: string, seconds = 2): Promise<{ perSecond: number; non304: number }> {
  const bin = require.resolve('autocannon/autocannon.js');
  const args = [bin, '-j', '-c', '16', '-d', String(seconds), '-H', `if-none-match=${etag}`, `${base}${path}`];
  const out = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
  const r = JSON.parse(out) as { requests: { total: number }; duration: number; non2xx: number; '3xx'?: number; statusCodeStats?: Record<string, { count: number }> };
  const ok = r.statusCodeStats?.['304']?.count ?? 0;
  return { perSecond: ok / r.duration, non304: r.requests.total - ok };
}
