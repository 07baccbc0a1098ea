import { Router, type Response } from 'express';
import type { AppContext } from '../context';
import { requireRole } from '../access/guards';
import { requireIfMatch } from '../writes/preconditions';
import { parseFeature, writeCrs } from '../writes/feature-input';
import type { Feature } from '../layers/read-query';
import { createZone, updateZone, ZONE_READ_ONLY, zoneEtag } from './write-service';

const send = (res: Response, f: Feature, status = 200) =>
  void res.status(status).set('ETag', zoneEtag(f.properties)).type('application/geo+json').json(f);

/** Planners keep detailed plans current: POST /api/plans (a zone), PATCH /api/plans/:ref (If-Match). */
export function plansWriteRoutes(ctx: AppContext): Router {
  const router = Router();
  const editors = requireRole('planner', 'admin');

  router.post('/plans', editors, async (req, res) => {
    send(res, await createZone(ctx.db, req.user!, parseFeature(req, ZONE_READ_ONLY, false), writeCrs(req)), 201);
  });

  router.patch('/plans/:ref', editors, async (req, res) => {
    const srid = writeCrs(req);
    const ifMatch = requireIfMatch(req);
    send(res, await updateZone(ctx.db, req.user!, String(req.params.ref), ifMatch, parseFeature(req, ZONE_READ_ONLY, true), srid));
  });

  return router;
}
