import { Router } from 'express';
import type { AppContext } from '../context';
import { sqlFile } from '../db/sql-file';

const healthSql = sqlFile(__dirname, 'health.sql');

/** GET /api/health: 200 once the database answers, else 503. */
export function healthRoutes({ db }: AppContext): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    try {
      const { rows } = await db.query(healthSql);
      res.json({ status: 'ok', database: 'ok', postgis: rows[0].postgis, counts: rows[0].counts });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', code: 'database_unavailable', message: (err as Error).message });
    }
  });
  return router;
}
