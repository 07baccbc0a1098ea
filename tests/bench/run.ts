// `npm run bench [name]`: builds its own database (etablera_bench: migrated, seeded with the
// shipped layers), runs the benches below (or those whose name contains the argument) and
// prints one table. Speed is measured here, never asserted in timed tests.
import path from 'node:path';
import pg from 'pg';
import { createPool, type Db } from '../../api/src/db/pool';
import { migrate } from '../../api/src/db/migrate';
import { seedShippedLayers } from '../../gis-data/src/seed';
import { formatTable, type BenchRow } from './stats';
import { benchRegion, type RegionFigures } from './region.bench';
import { writeResults } from './results';

// BENCH_DATABASE: another name, so that two people on one machine do not drop each other's bench.
const BENCH_DB = process.env.BENCH_DATABASE ?? 'etablera_bench';
if (!/^[a-z_][a-z0-9_]*$/.test(BENCH_DB)) throw new Error(`BENCH_DATABASE must be a plain lower-case name, not ${BENCH_DB}`);

/** <name>.bench.ts of this folder, in this order: scale last, as it adds and removes 20 000 parcels. */
const BENCHES = ['match', 'readiness', 'layers', 'tiles', 'ogc', 'load', 'scale'];

export interface BenchContext {
  db: Db;
  url: string;
}

export interface Bench {
  name: string;
  run: (ctx: BenchContext) => Promise<BenchRow[]>;
}

function adminUrl(): string {
  const base = process.env.BENCH_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const u = new URL(base);
  u.pathname = '/postgres';
  return u.toString();
}

async function freshDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
    await admin.query(`create database ${BENCH_DB}`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl());
  u.pathname = `/${BENCH_DB}`;
  return u.toString();
}

/** Region sizes: `--quick` 10 000; else BENCH_REGION_SIZES (default 10 000 and 100 000). */
function regionSizes(args: string[]): number[] {
  if (args.includes('--quick')) return [10_000];
  return (process.env.BENCH_REGION_SIZES ?? '10000,100000').split(',').map(Number).filter((n) => n > 0);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.find((a) => !a.startsWith('--'));
  const quick = args.includes('--quick');
  // a named section (match, load -- --quick, ...) runs on the seeded database; --quick alone, or
  // `region`, runs the synthetic region(s)
  if (only !== 'region' && (only || !quick)) await seedBenches(only);
  if ((quick && !only) || !only || only === 'region') {
    const results: RegionFigures[] = [];
    for (const n of regionSizes(args)) {
      const start = Date.now();
      console.log(`running region (${n} parcels) ...`);
      results.push(await benchRegion(n));
      console.log(`  region ${n}: ${((Date.now() - start) / 1000).toFixed(0)} s`);
    }
    console.log(`\n${formatTable(results.flatMap((r) => r.rows))}`);
    const env = ['BENCH_REGION_SIZES', 'BENCH_REGION_BUDGET_MS'].filter((k) => process.env[k]).map((k) => `${k}=${process.env[k]} `).join('');
    writeResults(results, `${env}npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`);
  }
}

async function seedBenches(only: string | undefined): Promise<void> {
  const url = await freshDatabase();
  const db = createPool(url, 4);
  try {
    await migrate(db);
    const seeded = await seedShippedLayers(db);
    console.log(`seeded ${BENCH_DB}: ${seeded.map((s) => `${s.layer} ${s.features}`).join(', ')}`);
    await db.query('analyze');
    const rows: BenchRow[] = [];
    for (const name of BENCHES.filter((b) => !only || b.includes(only))) {
      const bench = (await import(path.join(__dirname, `${name}.bench.ts`))).default as Bench;
      const start = Date.now();
      console.log(`running ${bench.name} ...`);
      rows.push(...(await bench.run({ db, url })));
      console.log(`  ${bench.name}: ${((Date.now() - start) / 1000).toFixed(0)} s`);
    }
    console.log(`\n${formatTable(rows)}`);
  } finally {
    await db.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
