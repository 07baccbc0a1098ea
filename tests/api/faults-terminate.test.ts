import { start, type Running } from '../../api/src/server';
import { createTestDb, type TestDb } from '../support/test-db';
import { onAdmin } from '../support/databases';
import { postJson, timed, type Timed } from '../support/http';

// Issue 13, defect 4: terminating the service's connections under load gave 113 × 500.
const MATCH = { use: 'logistics', minAreaM2: 2000 };

describe('faults: the service database connections are terminated under load', () => {
  let db: TestDb;
  let service: Running;
  beforeAll(async () => {
    db = await createTestDb({ seeded: true });
    service = await start({ databaseUrl: db.url, port: 0, logLevel: 'silent' });
  });
  afterAll(async () => {
    await service.stop();
    await db.drop();
  });

  const terminate = () =>
    onAdmin(async (c) =>
      (await c.query("select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and application_name = 'etablera'", [db.name])).rows[0].n as number,
    );

  test('when pg_terminate_backend ends them repeatedly, then failures are 503 + Retry-After (never 500) and the service recovers by itself', async () => {
    const base = service.url.replace('localhost', '127.0.0.1');
    const urls: Array<[string, RequestInit?]> = [[`${base}/api/land`], [`${base}/api/areas`], [`${base}/api/match`, postJson(MATCH)], [`${base}/tiles/land/12/2253/1207.mvt`]];
    const seen: Array<Timed & { at: number }> = [];
    let running = true;
    const t0 = performance.now();
    const worker = async (w: number) => {
      for (let i = w; running; i++) {
        const [url, init] = urls[i % urls.length];
        seen.push({ ...(await timed(url, init)), at: performance.now() - t0 });
      }
    };
    const workers = Array.from({ length: 6 }, (_, w) => worker(w));
    let killed = 0;
    let lastKill = 0;
    for (let round = 0; round < 5; round++) {
      await new Promise((r) => setTimeout(r, 300));
      killed += await terminate();
      lastKill = performance.now() - t0;
    }
    await new Promise((r) => setTimeout(r, 1500));
    running = false;
    await Promise.all(workers);

    const failures = seen.filter((r) => r.status >= 400 || r.status === 0);
    const kinds: Record<string, number> = {};
    for (const r of seen) kinds[`${r.status} ${r.code ?? ''}`.trim()] = (kinds[`${r.status} ${r.code ?? ''}`.trim()] ?? 0) + 1;
    const lastFailure = Math.max(0, ...failures.map((r) => r.at + 0));
    const firstOkAfterKill = seen.filter((r) => r.status < 400 && r.status > 0 && r.at > lastKill).map((r) => r.at - lastKill);
    console.log(
      `faults-terminate: ${killed} backends terminated in 5 rounds; ${seen.length} requests: ${JSON.stringify(kinds)}; ` +
        `last failure answered ${Math.round(lastFailure - lastKill)} ms after the last kill; first success ${Math.round(Math.min(...firstOkAfterKill))} ms after it`,
    );
    expect(killed).toBeGreaterThan(0);
    expect(seen.filter((r) => r.status === 500)).toEqual([]);
    for (const r of failures) {
      expect({ status: r.status, retryAfter: r.retryAfter }).toEqual({ status: 503, retryAfter: '5' });
      expect(['database_unavailable', 'database_timeout']).toContain(r.code);
    }
    // Recovered without a restart: a round of every endpoint succeeds.
    const again = await Promise.all(urls.map(([url, init]) => timed(url, init)));
    expect(again.map((r) => r.status < 300)).toEqual([true, true, true, true]);
    const health = await timed(`${base}/api/health`);
    expect(health.status).toBe(200);
  });
});
