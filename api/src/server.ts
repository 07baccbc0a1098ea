import type { Server } from 'node:http';
import { loadConfig, type Config } from './config';
import { createPool } from './db/pool';
import { createLogger } from './logger';
import { createApp } from './app';
import { answerClientErrors } from './http/client-errors';
import type { AppContext } from './context';
import { ensureFirstAdmin } from './accounts/first-admin';

export interface Running {
  server: Server;
  ctx: AppContext;
  url: string;
  stop: () => Promise<void>;
}

/** Starts API + map; refuses to start when the database does not answer. */
export async function start(overrides: Partial<Config> = {}): Promise<Running> {
  const config = loadConfig(process.env, overrides);
  const log = createLogger(config.logLevel, config.logFile);
  const db = createPool(config.databaseUrl, 10, (err) => log.warn({ err }, 'idle database connection lost'));
  try {
    await db.query('select postgis_lib_version()');
  } catch (err) {
    await db.end();
    throw new Error(`cannot use the database at DATABASE_URL: ${(err as Error).message}`);
  }
  await ensureFirstAdmin(db, log, config.adminEmail, config.adminPassword).catch((err) =>
    log.error({ err }, 'could not create the first admin'),
  );
  const ctx: AppContext = { config, db, log };
  const app = createApp(ctx);
  const server = await new Promise<Server>((resolve) => {
    const s = answerClientErrors(app.listen(config.port, () => resolve(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  log.info({ url }, 'Etablera is serving');
  const stop = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    await db.end();
  };
  return { server, ctx, url, stop };
}

if (require.main === module) {
  start()
    .then(({ stop }) => {
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void stop().then(() => process.exit(0)));
    })
    .catch((err) => {
      console.error(err.message);
      process.exit(1);
    });
}
