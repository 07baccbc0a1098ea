// Latency of plan readiness (planberedskap) through the whole HTTP stack. Unmet demand runs
// the matching engine on every saved request, so the set-up saves 50 realistic requests
// first (removed again afterwards: the bench database keeps only the seed).
import type { Queryable } from '../../api/src/db/pool';
import type { MatchRequestInput } from '../../api/src/matching/schema';
import { get, kb, startBenchServer, type BenchServer } from './http';
import type { Bench } from './run';
import { measureWithin, type BenchRow } from './stats';

export const SAVED_REQUESTS = 50;
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 8000);

const USES = ['office', 'retail', 'industry', 'logistics', 'lab'] as const;
// A spread over all four size bands of docs/design.md, small requests being the most common.
const SIZES = [800, 1500, 3000, 4500, 8000, 12000, 25000, 40000, 60000, 90000];
const SHIPPED_AREAS: Array<string[] | undefined> = [['lanna'], ['flemingsberg'], ['kungens-kurva'], undefined, ['lanna', 'flemingsberg']];
/** The same spread over the synthetic region's areas (gis:generate names them synt-1, synt-2, ...). */
export const REGION_AREAS: Array<string[] | undefined> = [['synt-1'], ['synt-2'], ['synt-3'], undefined, ['synt-1', 'synt-2']];

/** The i-th saved request: every use, size band and area, some with a date, transit or a land-only need. */
function criteria(i: number, areaSets: Array<string[] | undefined>): MatchRequestInput {
  const c: MatchRequestInput = { use: USES[i % USES.length], minAreaM2: SIZES[i % SIZES.length] };
  const areas = areaSets[Math.floor(i / USES.length) % areaSets.length];
  if (areas) c.areas = areas;
  if (i % 3 === 0) c.neededBy = `${2027 + (i % 4)}-06-30`;
  if (i % 4 === 1) c.maxDistanceToStationM = 1000 + (i % 5) * 500;
  if (i % 7 === 2) c.need = 'land';
  if (i % 6 === 5) c.maxAreaM2 = c.minAreaM2 * 3;
  return c;
}

/** Saves `n` requests (plain SQL, as a staff member's saved requests) and answers their ids. */
export async function saveRequests(db: Queryable, n: number, areaSets = SHIPPED_AREAS): Promise<number[]> {
  const { rows } = await db.query(
    `insert into match_requests (company_name, sector, jobs_expected, criteria)
     select 'Bench company ' || n, 'bench', 10 + n, c
     from jsonb_array_elements($1::jsonb) with ordinality as t(c, n)
     returning id`,
    [JSON.stringify(Array.from({ length: n }, (_, i) => criteria(i, areaSets)))],
  );
  return rows.map((r) => r.id as number);
}

export async function removeRequests(db: Queryable, ids: number[]): Promise<void> {
  await db.query('delete from match_requests where id = any($1::int[])', [ids]);
}

const CASES: Array<[string, string]> = [
  ['GET /api/readiness (all areas and uses)', '/api/readiness'],
  ['GET /api/readiness?area=lanna&use=logistics', '/api/readiness?area=lanna&use=logistics'],
  ['GET /api/readiness/pipeline', '/api/readiness/pipeline'],
  [`GET /api/readiness/unmet-demand (${SAVED_REQUESTS} saved)`, '/api/readiness/unmet-demand'],
];

const bench: Bench = {
  name: 'readiness',
  async run(ctx) {
    const ids = await saveRequests(ctx.db, SAVED_REQUESTS);
    let server: BenchServer | undefined;
    try {
      server = await startBenchServer(ctx);
      const base = server.base;
      // Every saved request must be judged, or the bench would time less work than it claims.
      const demand = await (await fetch(`${base}/api/readiness/unmet-demand`)).json();
      if (demand.requests?.total !== SAVED_REQUESTS || demand.requests.skipped.length > 0) {
        throw new Error(`unmet demand judged ${JSON.stringify(demand.requests)}, expected ${SAVED_REQUESTS} saved requests`);
      }
      const rows: BenchRow[] = [];
      for (const [label, path] of CASES) {
        const { bytes } = await get(base, path);
        const row = await measureWithin(label, () => get(base, path), BUDGET_MS);
        rows.push({ ...row, note: path.endsWith('unmet-demand') ? `${kb(bytes)}, ${demand.requests.unmet} unmet` : kb(bytes) });
      }
      return rows;
    } finally {
      await server?.close();
      await removeRequests(ctx.db, ids);
    }
  },
};

export default bench;
