// Issue 11's tile figures on one existing database, without loading anything: section 6 of
// region.bench.ts (z10/z13/z16 land tiles over the densest area, bare SQL, bytes, cached 304
// throughput) plus the other layers' z10 sizes. The database must be migrated. PROBE_COLD=1
// also times the first request after a write (it bumps layer_revisions: own databases only).
// Example: npx tsx tests/bench/tile-probe.ts postgres://postgres@127.0.0.1:5432/etablera_tiles_100k
import { createPool } from '../../api/src/db/pool';
import { sqlFile } from '../../api/src/db/sql-file';
import { get, kb, revalidationsPerSecond, startBenchServer } from './http';
import { tileOf } from './tiles.bench';
import { formatTable, measureWithin, summarise, type BenchRow } from './stats';

const BUDGET_MS = Number(process.env.BENCH_REGION_BUDGET_MS ?? 4000);

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error('usage: tsx tests/bench/tile-probe.ts DATABASE_URL');
  const db = createPool(url, 10);
  const server = await startBenchServer({ db, url });
  const rows: BenchRow[] = [];
  try {
    const c = (await db.query(`select ST_X(p) as lon, ST_Y(p) as lat from (select ST_Transform(ST_Centroid(geom), 4326) as p
                               from areas order by ref limit 1) x`)).rows[0];
    const landSql = sqlFile(`${__dirname}/../../api/src/tiles`, 'tile-land.sql');
    for (const z of [10, 13, 16]) {
      const { x, y } = tileOf(c.lon, c.lat, z);
      const sql = await measureWithin(`tile z${z} service SQL (land)`, () => db.query(landSql, [z, x, y]), BUDGET_MS / 2, 40);
      let bytes = 0;
      const http = await measureWithin(`tile z${z} HTTP (land)`, async () => {
        bytes = (await get(server.base, `/tiles/land/${z}/${x}/${y}.mvt`)).bytes;
      }, BUDGET_MS / 2, 40);
      rows.push(sql, { ...http, note: `${kb(bytes)} (${z}/${x}/${y})` });
      if (process.env.PROBE_COLD) {
        // the first request after a write (a new revision, so nothing in memory): writes, so
        // only on a database of one's own
        const times: number[] = [];
        for (let i = 0; i < 15; i++) {
          await db.query(`update layer_revisions set revision = revision + 1, changed_at = clock_timestamp() where layer = 'land'`);
          const start = process.hrtime.bigint();
          await get(server.base, `/tiles/land/${z}/${x}/${y}.mvt`);
          times.push(Number(process.hrtime.bigint() - start) / 1e6);
        }
        rows.push(summarise(`tile z${z} HTTP (land), first after a write`, times));
      }
    }
    // the z10 tile holding the most parcels (an interior tile of the area grid: the grid's
    // spacing does not depend on the region's size, so 1 000 000 parcels have tiles like it)
    const dense = (await db.query(`
      select floor((ST_X(p) + 20037508.342789244) / (40075016.685578488 / 1024))::int as x,
             floor((20037508.342789244 - ST_Y(p)) / (40075016.685578488 / 1024))::int as y, count(*)::int as n
      from (select ST_Transform(ST_Centroid(geom), 3857) as p from land_parcels) c group by 1, 2 order by 3 desc limit 1`)).rows[0];
    {
      const sql = await measureWithin(`densest z10 tile service SQL (land, ${dense.n} parcels)`, () => db.query(landSql, [10, dense.x, dense.y]), BUDGET_MS / 2, 20);
      let bytes = 0;
      const http = await measureWithin('densest z10 tile HTTP (land)', async () => {
        bytes = (await get(server.base, `/tiles/land/10/${dense.x}/${dense.y}.mvt`)).bytes;
      }, BUDGET_MS / 4, 20);
      rows.push(sql, { ...http, note: `${kb(bytes)} (10/${dense.x}/${dense.y})` });
    }
    for (const layer of ['plans', 'areas', 'municipalities']) {
      const { x, y } = tileOf(c.lon, c.lat, 10);
      let bytes = 0;
      const http = await measureWithin(`tile z10 HTTP (${layer})`, async () => {
        bytes = (await get(server.base, `/tiles/${layer}/10/${x}/${y}.mvt`)).bytes;
      }, BUDGET_MS / 4, 20);
      rows.push({ ...http, note: kb(bytes) });
    }
    // cached tiles: revalidation with the ETag (304), 16 at a time for 2 s (as region.bench.ts)
    const { x, y } = tileOf(c.lon, c.lat, 13);
    const etag = (await get(server.base, `/tiles/land/13/${x}/${y}.mvt`)).etag ?? '';
    for (let round = 0; round < 2; round++) {
      let done = 0;
      const until = Date.now() + 2000;
      await Promise.all(Array.from({ length: 16 }, async () => {
        while (Date.now() < until) {
          await get(server.base, `/tiles/land/13/${x}/${y}.mvt`, 304, { 'if-none-match': etag });
          done++;
        }
      }));
      rows.push({ name: `cached tile (304) throughput, fetch in process, round ${round + 1}`, iterations: done, medianMs: NaN, p95Ms: NaN, minMs: NaN, maxMs: NaN, note: `${(done / 2).toFixed(0)} req/s` });
    }
    for (let round = 0; round < 2; round++) {
      const cannon = await revalidationsPerSecond(server.base, `/tiles/land/13/${x}/${y}.mvt`, etag, 3);
      rows.push({ name: `cached tile (304) throughput, autocannon, round ${round + 1}`, iterations: NaN, medianMs: NaN, p95Ms: NaN, minMs: NaN, maxMs: NaN,
        note: `${cannon.perSecond.toFixed(0)} req/s${cannon.non304 ? `, ${cannon.non304} not 304` : ''}` });
    }
  } finally {
    await server.close();
    await db.end();
  }
  console.log(formatTable(rows));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
