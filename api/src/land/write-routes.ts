import { Router, type Response } from 'express';
import type { AppContext } from '../context';
import { requireRole } from '../access/guards';
import { requireIfMatch } from '../writes/preconditions';
import { parseFeature, writeCrs } from '../writes/feature-input';
import type { Feature } from '../layers/read-query';
import { createLand, LAND_READ_ONLY, landEtag, updateLand } from './write-service';

const send = (res: Response, f: Feature, status = 200) =>
  void res.status(status).set('ETag', landEtag(f.properties)).type('application/geo+json').json(f);

/** The business unit keeps land parcels current: POST /api/land, PATCH /api/land/:ref (If-Match). */
export function landWriteRoutes(ctx: AppContext): Router {
  const router = Router();
  const editors = requireRole('business', 'admin');

  router.post('/land', editors, async (req, res) => {
    send(res, await createLand(ctx.db, req.user!, parseFeature(req, LAND_READ_ONLY, false), writeCrs(req)), 201);
  });

  router.patch('/land/:ref', editors, async (req, res) => {
    const srid = writeCrs(req);
    const ifMatch = requireIfMatch(req);
    send(res, await updateLand(ctx.db, req.user!, String(req.params.ref), ifMatch, parseFeature(req, LAND_READ_ONLY, true), srid));
  });

  return router;
}
