// `npx tsx tests/bench/loader-throughput.ts [--features N] [--gpkg]`: gis:load against GDAL's
// ogr2ogr (PostgreSQL driver, COPY, no validation) on the same file of N land parcels, in a
// database of its own (etablera_bench_loader); wall time and peak memory (GNU time's maximum
// resident set size of the loader process, GDAL's child included when it is larger).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { createPool } from '../../api/src/db/pool';
import { migrate } from '../../api/src/db/migrate';

const DB = 'etablera_bench_loader';
const root = path.resolve(__dirname, '../..');
const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const n = process.argv.includes('--features') ? Number(arg('--features')) : 100_000;
const gpkg = process.argv.includes('--gpkg');

function adminUrl(): string {
  const u = new URL(process.env.BENCH_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  u.pathname = '/postgres';
  return u.toString();
}

/** N 50 m parcels on a grid south of Stockholm, one feature per line, in EPSG:3006. */
function writeParcels(file: string): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, '{"type":"FeatureCollection","features":[\n');
  for (let i = 0; i < n; i++) {
    const x = 640_000 + (i % 1000) * 60;
    const y = 6_540_000 + Math.floor(i / 1000) * 60;
    const f = {
      type: 'Feature',
      properties: { ref: `Bench ${Math.floor(i / 100)}:${i % 100}`, ownerType: 'private', status: i % 3 ? 'not_for_sale' : 'available' },
      geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 50, y], [x + 50, y + 50.5], [x, y + 50], [x, y]]] },
    };
    fs.writeSync(fd, JSON.stringify(f) + (i < n - 1 ? ',\n' : '\n'));
  }
  fs.writeSync(fd, ']}\n');
  fs.closeSync(fd);
}

/** Runs a command under GNU time: seconds and peak resident memory in MB. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): { s: number; mb: number } {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', cmd, ...args], { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  const [, s, kb] = /TIME ([\d.]+) (\d+)/.exec(r.stderr)!;
  return { s: Number(s), mb: Math.round(Number(kb) / 1024) };
}

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.query(`create database ${DB}`);
  const u = new URL(adminUrl());
  u.pathname = `/${DB}`;
  const url = u.toString();
  const db = createPool(url, 1);
  await migrate(db);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etablera-bench-loader-'));
  try {
    let file = path.join(dir, 'land.geojson');
    writeParcels(file);
    if (gpkg) {
      const out = path.join(dir, 'land.gpkg');
      spawnSync('ogr2ogr', ['-f', 'GPKG', out, file, '-a_srs', 'EPSG:3006', '-nln', 'parcels']);
      file = out;
    }
    const env = { ...process.env, DATABASE_URL: url };
    const crs = gpkg ? [] : ['--crs', '3006'];
    const etablera = timed('node', ['--import', 'tsx', 'gis-data/src/load-cli.ts', 'land', file, ...crs], env);
    const ogr = timed('ogr2ogr', ['-f', 'PostgreSQL', `PG:${url.replace(/^postgres(ql)?:\/\//, 'postgresql://')}`, file, '-nln', 'ogr_land', '-a_srs', 'EPSG:3006', '-overwrite'], env);
    const { rows } = await db.query('select count(*)::int as n from land_parcels');
    console.log(JSON.stringify({
      features: n, file: path.basename(file), bytes: fs.statSync(file).size, cpus: os.cpus().length, loadavg: os.loadavg()[0],
      loaded: rows[0].n,
      gisLoad: { seconds: etablera.s, featuresPerSecond: Math.round(n / etablera.s), peakMb: etablera.mb },
      ogr2ogr: { seconds: ogr.s, featuresPerSecond: Math.round(n / ogr.s), peakMb: ogr.mb },
      throughputVsOgr2ogr: Math.round((ogr.s / etablera.s) * 100) / 100,
    }, null, 1));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await db.end();
    await admin.query(`drop database if exists ${DB} with (force)`);
    await admin.end();
  }
}

void main();
