import { Router } from 'express';
import type { AppContext } from '../context';
import { parseQuery } from '../http/validate';
import { requireRole } from '../access/guards';
import { auditQuery } from '../contract';
import { listChanges } from './service';

/** GET /api/audit: the change log, newest first (admin and business unit). */
export function auditRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/audit', requireRole('admin', 'business'), async (req, res) => {
    const q = parseQuery(auditQuery, req);
    const entries = await listChanges(ctx.db, { entity: q.entity, ref: q.ref, accountId: q.accountId, beforeId: q.before, limit: q.limit });
    res.json({ entries, next: entries.length === q.limit ? entries[entries.length - 1].id : null });
  });
  return router;
}
