// npm run db:backup / db:restore (pg_dump / pg_restore, custom format): a round trip finds
// every record, every account and every audit entry again — into a new database and over a
// damaged one.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { createAccount, signIn } from '../support/auth';
import { dropDatabase, onAdmin, quoteIdent, runPrefix, urlFor } from '../support/databases';
import { landFeature, square, E0, N0 } from './write-fixtures';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

/** Every public table: its row count and a digest of its rows (order-independent). */
async function fingerprint(url: string): Promise<Record<string, { rows: number; digest: string }>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = (await c.query(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)).rows;
    const out: Record<string, { rows: number; digest: string }> = {};
    for (const { table_name: t } of tables) {
      const r = (await c.query(`select count(*)::int n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) d from ${quoteIdent(t)} x`)).rows[0];
      out[t] = { rows: r.n, digest: r.d };
    }
    return out;
  } finally {
    await c.end();
  }
}

const npm = (script: string, file: string, url: string) =>
  run('npm', ['run', '--silent', script, '--', file], { cwd: root, env: { ...process.env, DATABASE_URL: url }, timeout: 120_000 });

describe('database backup and restore', () => {
  let t: TestApp;
  let dir: string;
  const restored = `${runPrefix()}restore_${process.pid}`;

  beforeAll(async () => {
    t = await createTestApp({ seeded: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etablera-backup-'));
    // accounts and audited changes, so the round trip has them to find
    const business = await createAccount(t.db, { role: 'business' });
    await createAccount(t.db, { role: 'owner', status: 'pending' });
    const agent = await signIn(t.app, business.email, business.password);
    await agent.post('/api/land?crs=3006').send(landFeature('Backup 1:1', {}, square(E0, N0, 80))).expect(201);
    const etag = (await request(t.app).get(`/api/land/${encodeURIComponent('Backup 1:1')}`)).headers.etag;
    await agent.patch(`/api/land/${encodeURIComponent('Backup 1:1')}`).set('If-Match', etag).send({ type: 'Feature', properties: { status: 'reserved', reservationKind: 'reservation', reservedUntil: '2027-01-01' } }).expect(200);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await onAdmin((c) => dropDatabase(c, restored));
    await t.drop();
  });

  it('when a backup is restored into a new database and over a damaged one, then every record, account and audit entry is there again', async () => {
    const file = path.join(dir, 'etablera.dump');
    const before = await fingerprint(t.url);
    expect(before.accounts.rows).toBeGreaterThanOrEqual(2);
    expect(before.audit_log.rows).toBeGreaterThanOrEqual(2);
    expect(before.land_parcels.rows).toBeGreaterThan(100);

    const out = await npm('db:backup', file, t.url);
    expect(out.stdout).toContain(`backup written to ${file}`);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP'); // pg_dump's custom format

    // into a new, empty database
    await onAdmin((c) => c.query(`create database ${quoteIdent(restored)}`));
    await npm('db:restore', file, urlFor(restored));
    expect(await fingerprint(urlFor(restored))).toEqual(before);

    // over the original, after losing accounts, audit entries and parcels
    await t.db.query('delete from audit_log');
    await t.db.query(`delete from land_parcels where ref like 'Länna%'`);
    await t.db.query('delete from sessions');
    expect(await fingerprint(t.url)).not.toEqual(before);
    await npm('db:restore', file, t.url);
    expect(await fingerprint(t.url)).toEqual(before);
    // and the service answers from the restored data
    await request(t.app).get(`/api/land/${encodeURIComponent('Backup 1:1')}`).expect(200);
  });

  it('when the backup file is missing, then db:restore exits non-zero naming it and the database is unchanged', async () => {
    const before = await fingerprint(t.url);
    await expect(npm('db:restore', path.join(dir, 'nope.dump'), t.url)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('nope.dump') });
    expect(await fingerprint(t.url)).toEqual(before);
  });
});
