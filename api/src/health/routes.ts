import { Router } from 'express';
import type { AppContext } from '../context';
import { sqlFile } from '../db/sql-file';
import { withTransaction } from '../db/transaction';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../errors/db-unavailable';

const healthSql = sqlFile(__dirname, 'health.sql');
const boundSql = sqlFile(__dirname, 'bound-health.sql');

const TIMED_OUT = Symbol('timed out');

/**
 * GET /api/health: 200 once the database answers, else 503 with Retry-After and
 * `database: "slow"` (no answer within HEALTH_TIMEOUT_MS: a locked table, a full pool) or
 * `"unavailable"` (connection refused or lost). It answers within that time whatever the
 * database does: its own statements carry the same short timeouts, so a poll never ties a
 * connection up for long.
 */
export function healthRoutes({ db, config }: AppContext): Router {
  const router = Router();
  const ms = config.healthTimeoutMs;
  router.get('/health', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
    const check = withTransaction(db, async (c) => {
      await c.query(boundSql, [String(ms)]);
      return (await c.query(healthSql)).rows[0];
    });
    try {
      const row = await Promise.race([check, late]);
      if (row === TIMED_OUT) {
        check.catch(() => undefined);
        res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS)).json({
          status: 'unavailable', database: 'slow', code: 'database_timeout', message: `The database did not answer within ${ms} ms`,
        });
        return;
      }
      res.json({ status: 'ok', database: 'ok', postgis: row.postgis, counts: row.counts });
    } catch (err) {
      const slow = isDatabaseUnavailable(err) && /timeout|57014|55P03/i.test(`${(err as { code?: string }).code} ${(err as Error).message}`);
      res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS)).json({
        status: 'unavailable',
        database: slow ? 'slow' : 'unavailable',
        code: slow ? 'database_timeout' : 'database_unavailable',
        message: slow ? `The database did not answer within ${ms} ms` : 'The database is not reachable',
      });
    } finally {
      clearTimeout(timer);
    }
  });
  return router;
}
