import { Router } from 'express';
import { reader, type AppContext } from '../context';
import { parseBody } from '../http/validate';
import { matchRequestSchema } from './schema';
import { runMatch } from './service';

/** POST /api/match: a company's requirement to ranked, explained candidate sites. */
export function matchingRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post('/match', async (req, res) => {
    const body = parseBody(matchRequestSchema, req);
    res.json(await runMatch(reader(ctx), body, { staleAfterDays: ctx.config.premisesStaleAfterDays }));
  });
  return router;
}
