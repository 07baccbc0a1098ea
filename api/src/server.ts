import type { Server, ServerResponse } from 'node:http';
import { loadConfig, type Config } from './config';
import { servicePool } from './db/pool';
import { createLogger } from './logger';
import { createApp } from './app';
import { answerClientErrors } from './http/client-errors';
import type { AppContext } from './context';
import { ensureFirstAdmin } from './accounts/first-admin';
import { prepareMatching } from './matching/service';

export interface Running {
  server: Server;
  ctx: AppContext;
  url: string;
  /** Stops taking requests, lets those in flight finish (up to SHUTDOWN_GRACE_MS), then closes the pool. */
  stop: () => Promise<void>;
}

/** Starts API + map; refuses to start when the database does not answer. */
export async function start(overrides: Partial<Config> = {}): Promise<Running> {
  const config = loadConfig(process.env, overrides);
  const log = createLogger(config.logLevel, config.logFile);
  const db = servicePool(config, (err) => log.warn({ err }, 'idle database connection lost'));
  try {
    await db.query('select postgis_lib_version()');
  } catch (err) {
    await db.end();
    throw new Error(`cannot use the database at DATABASE_URL: ${(err as Error).message}`);
  }
  await ensureFirstAdmin(db, log, config.adminEmail, config.adminPassword).catch((err) =>
    log.error({ err }, 'could not create the first admin'),
  );
  // A read replica for layers, tiles, match and readiness when DATABASE_READ_URL is set.
  const readDb = config.databaseReadUrl
    ? servicePool({ ...config, databaseUrl: config.databaseReadUrl }, (err) => log.warn({ err }, 'idle read-replica connection lost'))
    : undefined;
  const ctx: AppContext = { config, db, readDb, log };
  const app = createApp(ctx);
  const server = await new Promise<Server>((resolve) => {
    const s = answerClientErrors(app.listen(config.port, () => resolve(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  log.info({ url }, 'Etablera is serving');
  // not awaited: the service answers meanwhile (matches judge in SQL until the copy is read)
  prepareMatching(readDb ?? db).catch((err) => log.debug({ err }, 'matching index not read ahead'));
  const stop = drainingStop(server, config.shutdownGraceMs, async () => {
    await db.end();
    await readDb?.end();
    log.info('Etablera stopped');
  });
  return { server, ctx, url, stop };
}

/**
 * Graceful shutdown: stop accepting, close idle keep-alive connections, let the requests in
 * flight finish (answering them with `Connection: close`), cut what is left after `graceMs`,
 * then run `after` (close the pool: only once no request can still need it). Idempotent.
 */
export function drainingStop(server: Server, graceMs: number, after: () => Promise<void>): () => Promise<void> {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let idle: (() => void) | undefined;
  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      if (draining && inFlight.size === 0) idle?.();
    });
  });
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= (async () => {
      draining = true;
      // Answers still to come tell their clients not to reuse the connection.
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight.size > 0) {
        await new Promise<void>((resolve) => {
          idle = resolve;
          setTimeout(resolve, graceMs).unref();
        });
      }
      server.closeAllConnections();
      await closed;
      await after();
    })());
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
