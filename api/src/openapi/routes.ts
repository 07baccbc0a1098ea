import { Router } from 'express';
import type { AppContext } from '../context';
import { openapiDocument } from './document';

/** GET /api/openapi.json */
export function openapiRoutes(_ctx: AppContext): Router {
  const router = Router();
  const doc = openapiDocument();
  router.get('/openapi.json', (_req, res) => void res.json(doc));
  return router;
}
