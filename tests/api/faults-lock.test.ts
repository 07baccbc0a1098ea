import pg from 'pg';
import { createServiceApp, type ServiceApp } from '../support/service-app';
import { listen, postJson, timed, type Timed } from '../support/http';
import { servicePool } from '../../api/src/db/pool';
import { createApp } from '../../api/src/app';

// Issue 13, defect 3: one locked table tied up the whole pool, /api/health included, ~18 s.
const MATCH = { use: 'industry', minAreaM2: 1000 };
const TILE = '/tiles/land/12/2253/1207.mvt';

describe('faults: a table held under ACCESS EXCLUSIVE lock by another connection', () => {
  let s: ServiceApp;
  let http: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    // The service's defaults: statement 5 s, lock 2 s, pool wait 3 s, deadline 10 s, health 500 ms.
    s = await createServiceApp({ seeded: true });
    http = await listen(s.app);
  });
  afterAll(async () => {
    await http.close();
    await s.drop();
  });

  test('when land_parcels is locked, then reads of it, tiles and match answer 503 + Retry-After within 10 s, /api/health says slow within 1 s, and all recovers after the lock', async () => {
    const { config } = s.ctx;
    expect([config.dbStatementTimeoutMs, config.dbLockTimeoutMs, config.requestDeadlineMs, config.healthTimeoutMs]).toEqual([5000, 2000, 10000, 500]);
    expect((await timed(`${http.base}/api/land`)).status).toBe(200);

    const locker = new pg.Client({ connectionString: s.url });
    await locker.connect();
    let during: Timed[];
    let health: Timed;
    try {
      await locker.query('begin');
      await locker.query('lock table land_parcels in access exclusive mode');
      // Twice the pool's size at once, so requests also wait for a connection.
      const requests: Array<Promise<Timed>> = [];
      for (let i = 0; i < 8; i++) {
        requests.push(timed(`${http.base}/api/land`));
        requests.push(timed(`${http.base}${TILE}`));
        requests.push(timed(`${http.base}/api/match`, postJson(MATCH)));
      }
      // Once the burst is under way (every pool connection waiting on the lock):
      await new Promise((r) => setTimeout(r, 300));
      health = await timed(`${http.base}/api/health`);
      during = await Promise.all(requests);
    } finally {
      await locker.query('rollback').catch(() => undefined);
      await locker.end();
    }

    const kinds: Record<string, number> = {};
    for (const r of during) kinds[`${r.status} ${r.code}`] = (kinds[`${r.status} ${r.code}`] ?? 0) + 1;
    console.log(`faults-lock: ${during.length} requests during the lock: ${JSON.stringify(kinds)}; slowest ${Math.round(Math.max(...during.map((r) => r.ms)))} ms; health ${health.status} in ${Math.round(health.ms)} ms`);
    for (const r of during) {
      expect({ status: r.status, retryAfter: r.retryAfter }).toEqual({ status: 503, retryAfter: '5' });
      expect(['database_timeout', 'database_unavailable', 'deadline_exceeded']).toContain(r.code);
      expect(r.ms).toBeLessThan(10_500);
    }
    expect({ status: health.status, code: health.code, retryAfter: health.retryAfter }).toEqual({ status: 503, code: 'database_timeout', retryAfter: '5' });
    expect(health.ms).toBeLessThan(1000);

    // Recovery without a restart: the lock is gone, every endpoint answers again.
    const after = await Promise.all([timed(`${http.base}/api/land`), timed(`${http.base}${TILE}`), timed(`${http.base}/api/match`, postJson(MATCH)), timed(`${http.base}/api/health`)]);
    expect(after.map((r) => r.status)).toEqual([200, expect.any(Number), 200, 200]);
    expect([200, 204]).toContain(after[1].status);
  });

  test('when the health check finds the database, then 200 ok with the counts', async () => {
    const res = await timed(`${http.base}/api/health`);
    expect(res.status).toBe(200);
  });
});

describe('faults: a request that outlasts its deadline, and a database that is gone', () => {
  test('when a request waits past REQUEST_DEADLINE_MS, then 503 deadline_exceeded + Retry-After at the deadline, and nothing breaks after', async () => {
    const s = await createServiceApp({ seeded: true, config: { requestDeadlineMs: 600, dbLockTimeoutMs: 3000 } });
    const http = await listen(s.app);
    const locker = new pg.Client({ connectionString: s.url });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('lock table land_parcels in access exclusive mode');
      const r = await timed(`${http.base}/api/land`);
      expect({ status: r.status, code: r.code, retryAfter: r.retryAfter }).toEqual({ status: 503, code: 'deadline_exceeded', retryAfter: '5' });
      expect(r.ms).toBeGreaterThanOrEqual(550);
      expect(r.ms).toBeLessThan(3000);
      await locker.query('rollback');
      expect((await timed(`${http.base}/api/land`)).status).toBe(200);
    } finally {
      await locker.end();
      await http.close();
      await s.drop();
    }
  });

  test('when nothing listens where the database should be, then reads are 503 database_unavailable and /api/health says unavailable at once', async () => {
    const s = await createServiceApp();
    // The service's pool, pointed at a port where nothing listens.
    const pool = servicePool({ ...s.ctx.config, databaseUrl: 'postgres://postgres@127.0.0.1:1/nowhere' });
    const http = await listen(createApp({ ...s.ctx, db: pool }));
    try {
      const land = await timed(`${http.base}/api/land`);
      expect({ status: land.status, code: land.code, retryAfter: land.retryAfter }).toEqual({ status: 503, code: 'database_unavailable', retryAfter: '5' });
      const health = await fetch(`${http.base}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'unavailable', database: 'unavailable', code: 'database_unavailable' });
    } finally {
      await http.close();
      await pool.end();
      await s.drop();
    }
  });
});
