import pg from 'pg';
import { start } from '../../api/src/server';
import { createTestDb, type TestDb } from '../support/test-db';
import { timed } from '../support/http';

describe('faults: the service is stopped while a request is in flight', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb({ seeded: true });
  });
  afterAll(() => db.drop());

  test('when stop is called mid-request, then that request completes with 200, new ones are refused, and the pool closes after it', async () => {
    const service = await start({ databaseUrl: db.url, port: 0, logLevel: 'silent' });
    const base = service.url.replace('localhost', '127.0.0.1');
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    // The request waits on this lock (shorter than lock_timeout), so it is surely in flight.
    await locker.query('begin');
    await locker.query('lock table land_parcels in access exclusive mode');
    const inFlight = timed(`${base}/api/land`);
    await new Promise((r) => setTimeout(r, 300));
    const t0 = performance.now();
    let stopped = -1;
    const stopping = service.stop().then(() => (stopped = performance.now() - t0));
    await new Promise((r) => setTimeout(r, 200));
    expect(stopped).toBe(-1); // still draining
    const refused = await timed(`${base}/api/health`);
    await locker.query('rollback');
    await locker.end();
    const answered = await inFlight;
    await stopping;
    console.log(`faults-shutdown: in-flight request ${answered.status} after ${Math.round(answered.ms)} ms; stop resolved ${Math.round(stopped)} ms after it was called; new request: ${refused.error ?? refused.status}`);
    expect(answered.status).toBe(200);
    expect(refused.status).toBe(0);
    expect(stopped).toBeGreaterThan(0);
    const pool = service.ctx.db as pg.Pool & { ended?: boolean };
    expect(pool.ended).toBe(true);
    expect(pool.totalCount).toBe(0);
  });

  test('when a request outlasts SHUTDOWN_GRACE_MS, then stop cuts it and still closes the pool', async () => {
    const service = await start({ databaseUrl: db.url, port: 0, logLevel: 'silent', shutdownGraceMs: 300, dbLockTimeoutMs: 4000 });
    const base = service.url.replace('localhost', '127.0.0.1');
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    await locker.query('begin');
    await locker.query('lock table land_parcels in access exclusive mode');
    try {
      const inFlight = timed(`${base}/api/land`);
      await new Promise((r) => setTimeout(r, 300));
      const t0 = performance.now();
      const stopping = service.stop();
      const cut = await inFlight;
      expect(cut.status).toBe(0);
      await locker.query('rollback');
      await stopping;
      expect(performance.now() - t0).toBeLessThan(4000 + 1000);
      expect((service.ctx.db as pg.Pool & { ended?: boolean }).ended).toBe(true);
    } finally {
      await locker.end().catch(() => undefined);
    }
  });
});
