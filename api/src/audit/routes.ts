import { Router } from 'express';
import type { AppContext } from '../context';
import { parseQuery } from '../http/validate';
import { requireRole } from '../access/guards';
import { auditQuery } from '../contract';
import { listChanges } from './service';
import { forReader } from './redact';

/** GET /api/audit: the change log, newest first (admin; business unit without other staff's e-mails). */
export function auditRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/audit', requireRole('admin', 'business'), async (req, res) => {
    const q = parseQuery(auditQuery, req);
    const all = await listChanges(ctx.db, { entity: q.entity, ref: q.ref, accountId: q.accountId, beforeId: q.before, limit: q.limit });
    const entries = await forReader(ctx.db, req.user!, all);
    res.set('Cache-Control', 'no-store');
    res.json({ entries, next: entries.length === q.limit ? entries[entries.length - 1].id : null });
  });
  return router;
}
