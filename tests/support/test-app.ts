import type { Express } from 'express';
import { createApp } from '../../api/src/app';
import { loadConfig, type Config } from '../../api/src/config';
import { createLogger } from '../../api/src/logger';
import type { AppContext } from '../../api/src/context';
import { createTestDb, type TestDb } from './test-db';
import { captureLogFile } from './log-capture';

export interface TestApp extends TestDb {
  app: Express;
  ctx: AppContext;
}

/** An app over a database of its own. Example: `const t = await createTestApp({ seeded: true })`. */
export async function createTestApp({ seeded = false, config = {} as Partial<Config> } = {}): Promise<TestApp> {
  const t = await createTestDb({ seeded });
  const cfg = loadConfig({ ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent' }, config);
  // With LOG_CAPTURE every request is logged to this worker's file, for the run's secret scan.
  const file = captureLogFile();
  const ctx: AppContext = { config: cfg, db: t.db, log: file ? createLogger('info', file) : createLogger('silent') };
  return { ...t, app: createApp(ctx), ctx };
}
