// Latency of the read API of the layers (GET /api/{layer}, /api/land/{ref}) through the
// whole HTTP stack, with and without the bbox and area filters the map and lists use.
import { get, kb, startBenchServer } from './http';
import type { Bench } from './run';
import { measureWithin, type BenchRow } from './stats';

const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 8000) / 2;
const MAX_ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

/** Flemingsberg's business area with a margin, as a map viewport sends it (lon/lat). */
const FLEMINGSBERG_BBOX = '17.925,59.210,17.965,59.229';

const bench: Bench = {
  name: 'layers',
  async run(ctx) {
    // A real parcel of the seed, found the way a client would (the list), not hard-coded.
    const { rows: parcels } = await ctx.db.query("select ref from land_parcels where area_ref = 'flemingsberg' order by ref limit 1");
    if (parcels.length === 0) throw new Error('the seed has no parcel in flemingsberg');
    const cases: Array<[string, string]> = [];
    for (const layer of ['land', 'plans', 'premises']) {
      cases.push(
        [`GET /api/${layer}`, `/api/${layer}`],
        [`GET /api/${layer}?bbox=Flemingsberg`, `/api/${layer}?bbox=${FLEMINGSBERG_BBOX}`],
        [`GET /api/${layer}?area=flemingsberg`, `/api/${layer}?area=flemingsberg`],
        [`GET /api/${layer}?area=lanna&bbox=Flemingsberg`, `/api/${layer}?area=lanna&bbox=${FLEMINGSBERG_BBOX}`],
      );
    }
    cases.push([`GET /api/land/{ref} (${parcels[0].ref})`, `/api/land/${encodeURIComponent(parcels[0].ref)}`]);

    const server = await startBenchServer(ctx);
    try {
      const rows: BenchRow[] = [];
      for (const [label, path] of cases) {
        const { bytes } = await get(server.base, path);
        const row = await measureWithin(label, () => get(server.base, path), BUDGET_MS, MAX_ITERATIONS);
        rows.push({ ...row, note: kb(bytes) });
      }
      return rows;
    } finally {
      await server.close();
    }
  },
};

export default bench;
