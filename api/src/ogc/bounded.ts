import type { Db, DbClient } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';

/** Longest a read of /ogc may run in PostgreSQL (a filter cannot be made to run for ever). */
export const STATEMENT_TIMEOUT_MS = 15_000;

/**
 * Runs a read with a statement timeout of its own and no parallel workers (set local: both end
 * with the transaction).
 * A timeout is answered 503 with Retry-After rather than a 500: the query was valid, only too
 * expensive now; narrowing it (bbox, filter, limit) helps.
 */
export async function boundedRead<T>(db: Db, work: (c: DbClient) => Promise<T>): Promise<T> {
  try {
    return await withTransaction(db, async (c) => {
      await c.query(`set local statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
      // No parallel workers for these short reads: at 100 000 parcels a bbox page took 190–240 ms
      // with two workers (their start-up on a busy 2-core machine) and 55–70 ms without
      // (EXPLAIN ANALYZE of items.sql).
      await c.query('set local max_parallel_workers_per_gather = 0');
      return work(c);
    });
  } catch (err) {
    if ((err as { code?: string }).code === '57014') {
      throw new AppError(503, 'query_timeout', `The query ran longer than ${STATEMENT_TIMEOUT_MS / 1000} s; narrow it with bbox, filter or a smaller limit`, { retryAfter: 5 });
    }
    throw err;
  }
}
