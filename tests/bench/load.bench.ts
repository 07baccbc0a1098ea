// Load (issue 13): autocannon against a real service process on loopback, bounded in time and
// connections, on tiles, layer reads and the match. Per scenario: requests per second,
// p50/p99 latency, errors (any non-2xx, connection error or timeout: must be 0) and the
// service's peak RSS (VmHWM of its process). The service runs in its own process so the load
// generator does not share its event loop. LOAD_SECONDS (default 10; `--quick`: 3) and
// LOAD_CONNECTIONS (default 10) bound each scenario.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Bench } from './run';
import type { BenchRow } from './stats';
import { tileOf } from './tiles.bench';

const ROOT = path.resolve(__dirname, '../..');
const QUICK = process.argv.includes('--quick');
const SECONDS = Number(process.env.LOAD_SECONDS ?? (QUICK ? 3 : 10));
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 10);

const MATCHES = [
  { use: 'logistics', minAreaM2: 10000 },
  { use: 'office', minAreaM2: 2000, areas: ['flemingsberg'], maxDistanceToStationM: 1000 },
  { use: 'retail', need: 'premises', minAreaM2: 300 },
  { use: 'industry', minAreaM2: 5000, neededBy: '2028-12-31' },
  { use: 'lab', minAreaM2: 500, maxDistanceToStationM: 800 },
];

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

/** kB values of /proc/<pid>/status: VmRSS (now) and VmHWM (peak). */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

async function startService(url: string): Promise<{ base: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  // node itself with tsx as a loader (not the tsx CLI, which would run the service in a
  // grandchild whose memory this would not see).
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 150) throw new Error('the service did not answer /api/health within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

type Request = { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };

const bench: Bench = {
  name: 'load',
  async run(ctx) {
    // Tiles a map of the business areas asks for (z13-15), from the seeded extents.
    const { rows } = await ctx.db.query(
      'select ST_X(c) as lon, ST_Y(c) as lat from (select ST_Transform(ST_Centroid(geom), 4326) as c from areas) s',
    );
    const tiles: Request[] = [];
    for (const r of rows) for (const z of [13, 14, 15]) for (const layer of ['land', 'plans', 'areas']) {
      const { x, y } = tileOf(r.lon, r.lat, z);
      tiles.push({ method: 'GET', path: `/tiles/${layer}/${z}/${x}/${y}.mvt` });
    }
    const areas = rows.length;
    const { rows: refs } = await ctx.db.query('select ref from areas order by ref');
    const reads: Request[] = [
      { method: 'GET', path: '/api/areas' },
      { method: 'GET', path: '/api/stops' },
      { method: 'GET', path: '/api/premises' },
      ...refs.flatMap((r) => [
        { method: 'GET' as const, path: `/api/land?area=${encodeURIComponent(r.ref)}` },
        { method: 'GET' as const, path: `/api/plans?area=${encodeURIComponent(r.ref)}` },
      ]),
    ];
    const matches: Request[] = MATCHES.map((m) => ({ method: 'POST', path: '/api/match', body: JSON.stringify(m), headers: { 'content-type': 'application/json' } }));

    const service = await startService(ctx.url);
    const out: BenchRow[] = [];
    const failures: string[] = [];
    try {
      for (const [name, requests] of [['tiles', tiles], ['layer reads', reads], ['match', matches]] as Array<[string, Request[]]>) {
        let peakRss = 0;
        const sampler = setInterval(() => (peakRss = Math.max(peakRss, memoryOf(service.child.pid!).rssMb)), 100);
        const r = await autocannon({ url: service.base, connections: CONNECTIONS, duration: SECONDS, requests, timeout: 10 });
        clearInterval(sampler);
        const mem = memoryOf(service.child.pid!);
        const errors = r.non2xx + r.errors + r.timeouts;
        if (errors > 0) failures.push(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
        out.push({
          name: `load ${name} (${requests.length} URLs, ${CONNECTIONS} conn, ${SECONDS} s)`,
          iterations: r.requests.total,
          medianMs: r.latency.p50,
          p95Ms: r.latency.p97_5,
          minMs: r.latency.min,
          maxMs: r.latency.max,
          note: `${r.requests.average.toFixed(0)} req/s, p99 ${r.latency.p99} ms, errors ${errors}, RSS peak ${Math.max(peakRss, mem.peakMb).toFixed(0)} MB (p95 column: p97.5)`,
        });
        console.log(`  ${out[out.length - 1].name}: ${out[out.length - 1].note}`);
      }
    } finally {
      await service.stop();
    }
    if (areas === 0) throw new Error('the seed has no areas');
    if (failures.length) throw new Error(`load: errors must be 0 — ${failures.join('; ')}`);
    return out;
  },
};

export default bench;
