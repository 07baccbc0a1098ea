import type { Express } from 'express';
import { createApp } from '../../api/src/app';
import { loadConfig, type Config } from '../../api/src/config';
import { createLogger } from '../../api/src/logger';
import { servicePool } from '../../api/src/db/pool';
import type { AppContext } from '../../api/src/context';
import { createTestDb, type TestDb } from './test-db';
import { captureLogFile } from './log-capture';

export interface ServiceApp extends TestDb {
  app: Express;
  ctx: AppContext;
  /** Another app on the same database, as a second instance of the service would be. */
  another: (config?: Partial<Config>) => { app: Express; ctx: AppContext };
}

/**
 * An app over a database of its own that runs on the service's pool, as `server.start`
 * builds it (size and timeouts from the config), while `db` stays the fixtures' plain pool.
 * Example: `const s = await createServiceApp({ config: { dbLockTimeoutMs: 500 } })`.
 */
export async function createServiceApp({ seeded = false, config = {} as Partial<Config> } = {}): Promise<ServiceApp> {
  const t = await createTestDb({ seeded });
  const pools: AppContext['db'][] = [];
  const make = (extra: Partial<Config> = {}) => {
    const cfg = loadConfig({ ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent' }, { ...config, ...extra, databaseUrl: t.url });
    const db = servicePool(cfg, () => undefined);
    pools.push(db);
    // With LOG_CAPTURE every request is logged to this worker's file, for the run's secret scan.
    const file = captureLogFile();
    const ctx: AppContext = { config: cfg, db, log: file ? createLogger('info', file) : createLogger('silent') };
    return { app: createApp(ctx), ctx };
  };
  const first = make();
  return {
    ...t,
    ...first,
    another: make,
    drop: async () => {
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
      await t.drop();
    },
  };
}
