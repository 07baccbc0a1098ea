import { Router, type Response } from 'express';
import type { AppContext } from '../context';
import { requireRole, requireRoleEvenPending } from '../access/guards';
import { requireIfMatch } from '../writes/preconditions';
import { parseFeature, writeCrs } from '../writes/feature-input';
import type { Feature } from '../layers/read-query';
import { featureCollection } from '../layers/read-query';
import { checkMayEdit, confirmPremises, createPremises, ownPremises, premisesEtag, PREMISES_READ_ONLY, updatePremises } from './write-service';

const send = (res: Response, f: Feature, status = 200) =>
  void res.status(status).set('ETag', premisesEtag(f.properties)).type('application/geo+json').json(f);

/**
 * Owners register and keep their listings current; the business unit (and admin) edit any.
 * POST /api/premises, PATCH /api/premises/:ref (If-Match), POST /api/premises/:ref/confirm,
 * GET /api/my/premises.
 */
export function premisesWriteRoutes(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;
  const editors = requireRole('owner', 'business', 'admin');
  const opts = (srid: ReturnType<typeof writeCrs>) => ({ srid, staleAfterDays: ctx.config.premisesStaleAfterDays });

  // a pending owner may look (an empty list) while waiting for approval
  router.get('/my/premises', requireRoleEvenPending('owner', 'business', 'admin'), async (req, res) => {
    const srid = writeCrs(req);
    const features = await ownPremises(db, req.user!, opts(srid));
    res.type('application/geo+json').send(featureCollection(JSON.stringify(features), srid));
  });

  router.post('/premises', editors, async (req, res) => {
    const srid = writeCrs(req);
    send(res, await createPremises(db, req.user!, parseFeature(req, PREMISES_READ_ONLY, false), opts(srid)), 201);
  });

  router.patch('/premises/:ref', editors, async (req, res) => {
    const srid = writeCrs(req);
    await checkMayEdit(db, req.user!, String(req.params.ref)); // 403/404 before judging the body
    const ifMatch = requireIfMatch(req);
    send(res, await updatePremises(db, req.user!, String(req.params.ref), ifMatch, parseFeature(req, PREMISES_READ_ONLY, true), opts(srid)));
  });

  router.post('/premises/:ref/confirm', editors, async (req, res) => {
    send(res, await confirmPremises(db, req.user!, String(req.params.ref), opts(writeCrs(req))));
  });

  return router;
}
