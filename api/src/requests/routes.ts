import { Router } from 'express';
import type { AppContext } from '../context';
import { parseQuery, parseWith } from '../http/validate';
import { notFound } from '../errors/app-error';
import { runMatch } from '../matching/service';
import { listRequestsQuery, requestIdParam } from './schema';
import { getRequest, listRequests, saveRequest } from './service';
import { requireRole } from '../access/guards';

/**
 * Saved establishment requests: POST/GET /api/requests, GET /api/requests/:id(/matches).
 * Business unit and admin only: they hold contact details (personal data) and what a
 * company plans, which is commercially sensitive. The public way in is POST /api/intake.
 */
export function requestsRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use('/requests', requireRole('business', 'admin'));
  const load = async (params: unknown) => {
    const { id } = parseWith(requestIdParam, params, 'invalid_parameter');
    const saved = await getRequest(ctx.db, id);
    if (!saved) throw notFound(`No saved request with id ${id}`);
    return saved;
  };

  router.post('/requests', async (req, res) => {
    if (req.body === undefined) {
      res.status(400).json({ code: 'invalid_request', message: 'A JSON body is required (Content-Type: application/json)' });
      return;
    }
    const saved = await saveRequest(ctx.db, req.body);
    res.status(201).location(`/api/requests/${saved.id}`).json(saved);
  });

  router.get('/requests', async (req, res) => {
    const q = parseQuery(listRequestsQuery, req);
    res.json({ requests: await listRequests(ctx.db, { limit: q.limit }) });
  });

  router.get('/requests/:id', async (req, res) => {
    res.json(await load(req.params));
  });

  router.get('/requests/:id/matches', async (req, res) => {
    const saved = await load(req.params);
    res.json(await runMatch(ctx.db, saved.criteria, { staleAfterDays: ctx.config.premisesStaleAfterDays }));
  });

  return router;
}
