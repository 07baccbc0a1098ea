// OGC API – Features reads: GET /ogc/collections/land/items?limit=1000 (the figure:
// p95 ≤ 150 ms at 100 000 parcels), on the seed and on a synthetic world of 100 000 parcels
// (30 m x 30 m, 35 m apart, a 500 x 200 grid centred on Flemingsberg) inserted with plain SQL
// and deleted afterwards. Also a later page, a bbox of a map view, a CQL2 filter and the
// EPSG:3006 output, which make the same query do different work.
import { get, kb, startBenchServer } from './http';
import type { Bench } from './run';
import { measureWithin, type BenchRow } from './stats';

const COLUMNS = 500;
const ROWS = 200;
const PARCELS = COLUMNS * ROWS;
const PREFIX = 'OGC bench ';
const BUDGET_MS = Number(process.env.BENCH_OGC_BUDGET_MS ?? 15000);
const EPSG3006 = encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/3006');

const CASES: Array<[string, string]> = [
  ['limit=1000', '/ogc/collections/land/items?limit=1000'],
  ['limit=1000, page 50 (offset 49 000)', '/ogc/collections/land/items?limit=1000&offset=49000'],
  ['limit=1000, bbox of Flemingsberg', '/ogc/collections/land/items?limit=1000&bbox=17.925,59.210,17.965,59.229'],
  ['limit=1000, filter status and price', `/ogc/collections/land/items?limit=1000&filter=${encodeURIComponent("status = 'available' AND (priceSekPerM2 IS NULL OR priceSekPerM2 < 2000)")}`],
  ['limit=1000, crs=EPSG:3006', `/ogc/collections/land/items?limit=1000&crs=${EPSG3006}`],
  ['one feature', '/ogc/collections/land/items/Flemingsberg%207%3A16'],
];

async function timeCases(base: string, world: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [label, path] of CASES) {
    const first = await get(base, path);
    const row = await measureWithin(`${world} GET /ogc land items ${label}`, () => get(base, path), BUDGET_MS);
    rows.push({ ...row, note: kb(first.bytes) });
  }
  return rows;
}

const bench: Bench = {
  name: `ogc (seed, then ${PARCELS / 1000}k parcels)`,
  async run(ctx) {
    const { db } = ctx;
    const server = await startBenchServer(ctx);
    const before = (await db.query('select count(*)::int as n from land_parcels')).rows[0].n as number;
    try {
      const rows = await timeCases(server.base, `seed (${before})`);
      await db.query(
        `insert into land_parcels (ref, owner_type, status, price_sek_per_m2, geom)
         select $1::text || i || ':' || j, 'municipal', case when (i + j) % 3 = 0 then 'available' else 'sold' end,
                case when i % 2 = 0 then 500 + j * 10 end,
                ST_MakeEnvelope(o.x + i * 35, o.y + j * 35, o.x + i * 35 + 30, o.y + j * 35 + 30, 3006)
         from (select ST_X(c) - $2::int * 17 as x, ST_Y(c) - $3::int * 17 as y
               from (select ST_Centroid(geom) as c from areas where ref = 'flemingsberg') a) o,
              generate_series(0, $2::int - 1) i, generate_series(0, $3::int - 1) j`,
        [PREFIX, COLUMNS, ROWS],
      );
      // what autovacuum does shortly after a bulk load: statistics and the visibility map
      // (without it the count cannot use an index-only scan)
      await db.query('vacuum analyze land_parcels');
      const now = (await db.query('select count(*)::int as n from land_parcels')).rows[0].n as number;
      if (now !== before + PARCELS) throw new Error(`expected ${before + PARCELS} parcels, found ${now}`);
      rows.push(...(await timeCases(server.base, `${Math.round(now / 1000)}k`)));
      return rows;
    } finally {
      await db.query('delete from land_parcels where ref like $1', [`${PREFIX}%`]);
      await server.close();
    }
  },
};

export default bench;
