import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { parseQuery } from '../http/validate';
import { requireRole } from '../auth/middleware';
import { AUDIT_ENTITIES, listChanges } from './service';
import { forReader } from './redact';

const auditQuery = z.strictObject({
  entity: z.enum(AUDIT_ENTITIES).optional(),
  ref: z.string().min(1).optional(),
  accountId: z.coerce.number().int().positive().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

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
