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

/**
 * JIT is off for our connections: every query here is short and interactive, and JIT
 * compilation alone added ~70 ms to 30 ms overlay queries once the planner's cost
 * estimate crossed jit_above_cost (measured with EXPLAIN ANALYZE on the seeded data).
 */
export function createPool(connectionString: string, max = 10, onIdleError?: (err: Error) => void): Db {
  const pool = new pg.Pool({ connectionString, max, application_name: 'etablera', options: '-c jit=off' });
  // An idle connection that the server ends (restart, admin command) must not crash the
  // process: the pool drops it and the next query opens a new one.
  pool.on('error', (err) => onIdleError?.(err));
  return pool;
}
