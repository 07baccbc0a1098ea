import type { Db, DbClient } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';

/** Longest a read of /ogc may run in PostgreSQL (a filter cannot be made to run for ever). */
export const STATEMENT_TIMEOUT_MS = 15_000;

/**
 * Runs a read with a statement timeout of its own (set local: it ends with the transaction).
 * A timeout is answered 503 with Retry-After rather than a 500: the query was valid, only too
 * expensive now; narrowing it (bbox, filter, limit) helps.
 */
export async function boundedRead<T>(db: Db, work: (c: DbClient) => Promise<T>): Promise<T> {
  try {
    return await withTransaction(db, async (c) => {
      await c.query(`set local statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
      return work(c);
    });
  } catch (err) {
    if ((err as { code?: string }).code === '57014') {
      throw new AppError(503, 'query_timeout', `The query ran longer than ${STATEMENT_TIMEOUT_MS / 1000} s; narrow it with bbox, filter or a smaller limit`, { retryAfter: 5 });
    }
    throw err;
  }
}
