// How matching and the bbox read scale beyond the seed: a synthetic world of 20 000 parcels
// (40 m x 40 m, 50 m apart, a 10 km x 5 km grid centred on Flemingsberg, so it crosses the
// seeded plans) inserted with plain SQL, no loader, and deleted again afterwards.
import type { MatchRequestInput } from '../../api/src/matching/schema';
import { runMatch } from '../../api/src/matching/service';
import { get, kb, startBenchServer } from './http';
import { removeRequests, saveRequests, SAVED_REQUESTS } from './readiness.bench';
import type { Bench } from './run';
import { measureWithin, type BenchRow } from './stats';

const COLUMNS = 200;
const ROWS = 100;
const PARCELS = COLUMNS * ROWS;
const PREFIX = 'Bench grid ';
const BUDGET_MS = Number(process.env.BENCH_SCALE_BUDGET_MS ?? 10000);

const MATCHES: Array<[string, MatchRequestInput]> = [
  ['industry, everywhere, 1 000 m²', { use: 'industry', minAreaM2: 1000, limit: 200 }],
  ['lab, Flemingsberg, ≤1 km to rail', { use: 'lab', minAreaM2: 500, areas: ['flemingsberg'], maxDistanceToStationM: 1000 }],
  ['office land, everywhere, by 2028, planned', { need: 'land', use: 'office', minAreaM2: 1200, neededBy: '2028-12-31', includePlanned: true }],
];

/** Flemingsberg's business area with a margin, as a map viewport sends it (lon/lat). */
const FLEMINGSBERG_BBOX = '17.925,59.210,17.965,59.229';

const bench: Bench = {
  name: `scale (${PARCELS} parcels)`,
  async run(ctx) {
    const { db } = ctx;
    const before = (await db.query('select count(*)::int as n from land_parcels')).rows[0].n as number;
    try {
      await db.query(
        `insert into land_parcels (ref, owner_type, status, geom)
         select $1::text || i || ':' || j, 'municipal', 'available',
                ST_MakeEnvelope(o.x + i * 50, o.y + j * 50, o.x + i * 50 + 40, o.y + j * 50 + 40, 3006)
         from (select ST_X(c) - $2::int * 25 as x, ST_Y(c) - $3::int * 25 as y
               from (select ST_Centroid(geom) as c from areas where ref = 'flemingsberg') a) o,
              generate_series(0, $2::int - 1) i, generate_series(0, $3::int - 1) j`,
        [PREFIX, COLUMNS, ROWS],
      );
      await db.query('analyze land_parcels');
      const now = (await db.query('select count(*)::int as n from land_parcels')).rows[0].n as number;
      if (now !== before + PARCELS) throw new Error(`expected ${before + PARCELS} parcels, found ${now}`);

      const rows: BenchRow[] = [];
      for (const [label, body] of MATCHES) {
        const first = await runMatch(db, body);
        const row = await measureWithin(`${PARCELS / 1000}k world runMatch: ${label}`, () => runMatch(db, body), BUDGET_MS);
        const excluded = Object.values(first.excluded).reduce((a, b) => a + b, 0);
        rows.push({ ...row, note: `${first.results.length} results, ${excluded} excluded` });
      }
      const server = await startBenchServer(ctx);
      try {
        const [label, body] = MATCHES[0];
        rows.push(
          await measureWithin(`${PARCELS / 1000}k world POST /api/match: ${label}`, async () => {
            const res = await fetch(`${server.base}/api/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
            if (res.status !== 200) throw new Error(`POST /api/match answered ${res.status}: ${await res.text()}`);
            await res.json();
          }, BUDGET_MS),
        );
        for (const [name, path] of [
          ['GET /api/land?bbox=Flemingsberg', `/api/land?bbox=${FLEMINGSBERG_BBOX}`],
          ['GET /api/land (all)', '/api/land'],
          ['GET /api/readiness (all areas and uses)', '/api/readiness'],
        ]) {
          const { bytes } = await get(server.base, path);
          rows.push({ ...(await measureWithin(`${PARCELS / 1000}k world ${name}`, () => get(server.base, path), BUDGET_MS / 2)), note: kb(bytes) });
        }
        // Unmet demand runs the engine once or twice per saved request: requests x parcels.
        const ids = await saveRequests(db, SAVED_REQUESTS);
        try {
          const path = '/api/readiness/unmet-demand';
          const { bytes } = await get(server.base, path);
          rows.push({ ...(await measureWithin(`${PARCELS / 1000}k world GET ${path} (${SAVED_REQUESTS} saved)`, () => get(server.base, path), BUDGET_MS)), note: kb(bytes) });
        } finally {
          await removeRequests(db, ids);
        }
      } finally {
        await server.close();
      }
      return rows;
    } finally {
      // Back to the seed: only the grid goes (its refs), then fresh statistics.
      await db.query('delete from land_parcels where starts_with(ref, $1)', [PREFIX]);
      await db.query('vacuum analyze land_parcels');
      const after = (await db.query('select count(*)::int as n from land_parcels')).rows[0].n as number;
      if (after !== before) throw new Error(`land_parcels has ${after} rows after the scale bench, ${before} before`);
    }
  },
};

export default bench;
