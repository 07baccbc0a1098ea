import { Router } from 'express';
import type { Db } from '../../db/pool';
import { MEDIA_TYPE } from './document';
import { exportPlanDocument } from './export-service';

/**
 * GET /api/plan-documents/:planId: the plan as a NIS Detaljplan v4 document, public like
 * the plans layer. A resource of its own (not /api/plans/…, whose segment is a zone ref).
 */
export function planDocumentRoutes(db: Db): Router {
  const router = Router();
  router.get('/plan-documents/:planId', async (req, res) => {
    const planId = String(req.params.planId);
    const doc = await exportPlanDocument(db, planId);
    const file = `detaljplan-${planId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
    res.type(MEDIA_TYPE).set('Content-Disposition', `attachment; filename="${file}"`).send(JSON.stringify(doc, null, 2));
  });
  return router;
}
