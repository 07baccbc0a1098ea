// Latency of the matching engine on the seeded Huddinge data: runMatch directly, and
// POST /api/match through the whole HTTP stack (real server on a free port).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../api/src/app';
import { loadConfig } from '../../api/src/config';
import { createLogger } from '../../api/src/logger';
import { runMatch } from '../../api/src/matching/service';
import type { MatchRequestInput } from '../../api/src/matching/schema';
import type { Bench } from './run';
import { measure, type BenchRow } from './stats';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

/** Realistic requests: the three business areas, the whole municipality, every rule in use. */
const REQUESTS: Array<[string, MatchRequestInput]> = [
  ['logistics, Länna, 10 000 m²', { use: 'logistics', minAreaM2: 10000, areas: ['lanna'] }],
  ['lab, Flemingsberg, ≤1 km to rail', { use: 'lab', minAreaM2: 500, areas: ['flemingsberg'], maxDistanceToStationM: 1000 }],
  ['retail, Kungens kurva', { use: 'retail', minAreaM2: 1500, areas: ['kungens-kurva'] }],
  ['industry, everywhere, by 2028, planned', { use: 'industry', minAreaM2: 3000, neededBy: '2028-12-31', includePlanned: true, limit: 200 }],
  ['office land, everywhere, bus too', { need: 'land', use: 'office', minAreaM2: 2000, maxAreaM2: 50000, stationModes: ['commuter_rail', 'metro', 'tram', 'bus'] }],
];

const bench: Bench = {
  name: 'matching',
  async run({ db, url }) {
    const rows: BenchRow[] = [];
    for (const [label, body] of REQUESTS) {
      rows.push(await measure(`runMatch: ${label}`, () => runMatch(db, body), ITERATIONS));
    }
    const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' });
    const app = createApp({ config, db, log: createLogger('silent') });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const [label, body] of REQUESTS) {
        rows.push(
          await measure(
            `POST /api/match: ${label}`,
            async () => {
              const res = await fetch(`${base}/api/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
              if (res.status !== 200) throw new Error(`POST /api/match answered ${res.status}: ${await res.text()}`);
              await res.json();
            },
            ITERATIONS,
          ),
        );
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const all = rows.map((r) => r.medianMs).sort((a, b) => a - b);
    console.log(`median of the per-request medians: ${all[Math.floor(all.length / 2)].toFixed(1)} ms`);
    return rows;
  },
};

export default bench;
