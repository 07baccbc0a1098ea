import pg from 'pg';

// Dates stay 'YYYY-MM-DD' strings: a JS Date would shift them across time zones.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
// numeric (prices, areas) as numbers: our magnitudes are far inside double precision.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

export type Db = pg.Pool;
export type DbClient = pg.PoolClient;
/** Anything that runs a query: the pool or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;

/** Bounds on how long the service's queries may wait (issue 13, defect 3); see config.ts. */
export interface DbTimeouts {
  /** statement_timeout: the server cancels a statement running longer (SQLSTATE 57014). */
  statementMs: number;
  /** lock_timeout: the server gives up waiting for a lock (SQLSTATE 55P03). */
  lockMs: number;
  /** How long a query waits for a pool connection (or a new connection) before failing. */
  connectionMs: number;
}

/**
 * JIT is off for our connections: every query here is short and interactive, and JIT
 * compilation alone added ~70 ms to 30 ms overlay queries once the planner's cost
 * estimate crossed jit_above_cost (measured with EXPLAIN ANALYZE on the seeded data).
 */
export function createPool(connectionString: string, max = 10, onIdleError?: (err: Error) => void, timeouts?: DbTimeouts): Db {
  const bounds = timeouts
    ? {
        statement_timeout: timeouts.statementMs,
        lock_timeout: timeouts.lockMs,
        // A transaction left open by a stalled request must not hold its locks for ever.
        idle_in_transaction_session_timeout: timeouts.statementMs * 2,
        // The client side of statement_timeout: a database host that stops answering
        // altogether (no packets, so no server-side cancel) still ends the wait.
        query_timeout: timeouts.statementMs + 2000,
        connectionTimeoutMillis: timeouts.connectionMs,
      }
    : {};
  const pool = new pg.Pool({ connectionString, max, application_name: 'etablera', options: '-c jit=off', ...bounds });
  // An idle connection that the server ends (restart, admin command) must not crash the
  // process: the pool drops it and the next query opens a new one.
  pool.on('error', (err) => onIdleError?.(err));
  return pool;
}

/** The pool the service runs on: the configured size and interactive timeouts. */
export function servicePool(
  config: { databaseUrl: string; dbPoolSize: number; dbStatementTimeoutMs: number; dbLockTimeoutMs: number; dbConnectionTimeoutMs: number },
  onIdleError?: (err: Error) => void,
): Db {
  return createPool(config.databaseUrl, config.dbPoolSize, onIdleError, {
    statementMs: config.dbStatementTimeoutMs,
    lockMs: config.dbLockTimeoutMs,
    connectionMs: config.dbConnectionTimeoutMs,
  });
}
