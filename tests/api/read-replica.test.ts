// DATABASE_READ_URL against a real streaming replica: the test makes a PostgreSQL cluster of
// its own under /tmp (initdb, PostGIS, migrations), a standby of it with pg_basebackup -R on
// another port, points the app's reads (layers, tiles, match, readiness) at the standby and its
// writes at the primary, and shows what a reader sees right after a write: possibly not yet
// the write (asynchronous replication), and always the write once the standby has replayed the
// primary's WAL position of the commit — index included, since the matching index is written
// by the primary's triggers and replicated like any table. Both clusters are stopped and
// removed at the end.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../api/src/app';
import { loadConfig } from '../../api/src/config';
import { createLogger } from '../../api/src/logger';
import { createPool, type Db } from '../../api/src/db/pool';
import { migrate } from '../../api/src/db/migrate';

const BIN = '/usr/lib/postgresql/15/bin';
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'etablera-replica-'));
const primaryDir = path.join(base, 'primary');
const standbyDir = path.join(base, 'standby');
const port = 20000 + Math.floor(Math.random() * 20000);
const standbyPort = port + 1;

/** PostgreSQL refuses to run as root: its tools run as the postgres user. */
function asPostgres(cmd: string, args: string[]): string {
  const argv = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', cmd, ...args] : [cmd, ...args];
  return execFileSync(argv[0], argv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const url = (p: number, db = 'etablera') => `postgres://postgres@127.0.0.1:${p}/${db}`;

async function waitForReplay(primary: Db, standby: Db): Promise<number> {
  const { rows } = await primary.query('select pg_current_wal_lsn()::text as lsn');
  const started = Date.now();
  for (;;) {
    const r = await standby.query('select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [rows[0].lsn]);
    if (r.rows[0].done) return Date.now() - started;
    if (Date.now() - started > 20_000) throw new Error('the standby did not replay the write within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('DATABASE_READ_URL on a streaming replica made with pg_basebackup', () => {
  let primary: Db;
  let standby: Db;
  beforeAll(async () => {
    fs.chmodSync(base, 0o777);
    asPostgres(`${BIN}/initdb`, ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    fs.appendFileSync(path.join(primaryDir, 'postgresql.conf'), [
      `port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${base}'`,
      'wal_level = replica', 'max_wal_senders = 4', 'hot_standby = on', 'fsync = off', 'shared_buffers = 32MB', '',
    ].join('\n'));
    fs.appendFileSync(path.join(primaryDir, 'pg_hba.conf'), 'host replication postgres 127.0.0.1/32 trust\n');
    asPostgres(`${BIN}/pg_ctl`, ['-D', primaryDir, '-l', path.join(base, 'primary.log'), '-w', 'start']);
    asPostgres(`${BIN}/psql`, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', 'create database etablera', 'postgres']);
    primary = createPool(url(port), 3);
    await migrate(primary);
    await primary.query(`insert into areas (ref, name, geom) values
      ('replik', 'Replikområde', ST_MakeEnvelope(670000, 6570000, 671000, 6571000, 3006))`);
    await primary.query(`insert into plans (plan_id, name, status, legal_force_date) values ('P-R', 'Plan R', 'in_force', '2020-01-01')`);
    await primary.query(`insert into plan_zones (ref, plan_id, use_codes, geom)
      values ('Z-R', 'P-R', '{J}', ST_MakeEnvelope(670000, 6570000, 671000, 6571000, 3006))`);
    await primary.query(`insert into stops (ref, name, mode, geom) values ('S-R', 'Replik station', 'commuter_rail', ST_SetSRID(ST_MakePoint(670500, 6571200), 3006))`);
    // the standby: a base backup with -R (standby.signal + primary_conninfo), on the next port
    asPostgres(`${BIN}/pg_basebackup`, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-D', standbyDir, '-R', '-X', 'stream']);
    fs.appendFileSync(path.join(standbyDir, 'postgresql.conf'), `port = ${standbyPort}\n`);
    asPostgres(`${BIN}/pg_ctl`, ['-D', standbyDir, '-l', path.join(base, 'standby.log'), '-w', 'start']);
    standby = createPool(url(standbyPort), 3);
  }, 400_000);

  afterAll(async () => {
    await standby?.end();
    await primary?.end();
    for (const dir of [standbyDir, primaryDir]) {
      try {
        asPostgres(`${BIN}/pg_ctl`, ['-D', dir, '-m', 'fast', '-w', 'stop']);
      } catch {
        // not started: nothing to stop
      }
    }
    fs.rmSync(base, { recursive: true, force: true });
  }, 60_000);

  test('when the standby is asked, then it is a streaming replica in recovery and refuses writes', async () => {
    expect((await standby.query('select pg_is_in_recovery() as r')).rows[0].r).toBe(true);
    const senders = await primary.query("select state from pg_stat_replication");
    expect(senders.rows.map((r) => r.state)).toEqual(['streaming']);
    await expect(standby.query("insert into areas (ref, name, geom) values ('x', 'x', ST_MakeEnvelope(0, 0, 1, 1, 3006))"))
      .rejects.toThrow(/read-only transaction/);
  });

  test('when a parcel is written on the primary, then a reader sees it on the replica once the commit is replayed, index and all', async () => {
    const config = loadConfig({ ...process.env, DATABASE_URL: url(port), DATABASE_READ_URL: url(standbyPort), LOG_LEVEL: 'silent' });
    expect(config.databaseReadUrl).toBe(url(standbyPort));
    const app = createApp({ config, db: primary, readDb: standby, log: createLogger('silent') });
    const body = { need: 'land', use: 'industry', minAreaM2: 5000 };
    expect((await request(app).post('/api/match').send(body).expect(200)).body.results).toEqual([]);

    await primary.query(`insert into land_parcels (ref, owner_type, status, area_ref, geom)
      values ('R 1:1', 'municipal', 'available', 'replik', ST_MakeEnvelope(670100, 6570100, 670300, 6570300, 3006))`);
    // right after the commit: the primary always sees it; the asynchronous standby may lag
    expect((await primary.query("select count(*)::int as n from match_land_site where ref = 'R 1:1'")).rows[0].n).toBe(1);
    const immediately = (await standby.query("select count(*)::int as n from land_parcels where ref = 'R 1:1'")).rows[0].n;
    expect([0, 1]).toContain(immediately);

    const lagMs = await waitForReplay(primary, standby);
    expect(lagMs).toBeLessThan(20_000);
    // the match (read pool = standby) now finds it, with the index rows the primary's triggers wrote
    const res = await request(app).post('/api/match').send(body).expect(200);
    expect(res.body.results.map((r: { ref: string }) => r.ref)).toEqual(['R 1:1']);
    expect(res.body.results[0].usableAreaM2).toBe(40000);
    expect(res.body.results[0].transit.ref).toBe('S-R');
    const ready = await request(app).get('/api/readiness?area=replik&use=industry').expect(200);
    expect(ready.body.rows[0].readyHa).toBe(4);
    const layer = await request(app).get('/api/land/R%201:1').expect(200);
    expect(layer.body.properties.status).toBe('available');
  });

  test('when the primary cancels a plan, then once the standby has replayed it the match on the replica excludes the parcel as wrongUse', async () => {
    const config = loadConfig({ ...process.env, DATABASE_URL: url(port), DATABASE_READ_URL: url(standbyPort), LOG_LEVEL: 'silent' });
    const app = createApp({ config, db: primary, readDb: standby, log: createLogger('silent') });
    await primary.query("update plans set status = 'cancelled' where plan_id = 'P-R'");
    await waitForReplay(primary, standby);
    const res = await request(app).post('/api/match').send({ need: 'land', use: 'industry', minAreaM2: 5000 }).expect(200);
    expect(res.body.results).toEqual([]);
    expect(res.body.excluded.wrongUse).toBe(1);
  });
});
