import { Router } from 'express';
import type { AppContext } from '../context';
import { parseQuery } from '../http/validate';
import { sendCsv } from '../csv/csv';
import { pipelineCsv, readinessCsv, unmetDemandCsv } from './readiness-csv';
import { pipelineQuery, readinessQuery, unmetDemandQuery } from './schema';
import { pipeline, readiness, unmetDemand } from './service';

/** GET /api/readiness, /api/readiness/pipeline, /api/readiness/unmet-demand (JSON, or CSV with format=csv). */
export function readinessRoutes({ db, config }: AppContext): Router {
  const router = Router();

  router.get('/readiness', async (req, res) => {
    const q = parseQuery(readinessQuery, req);
    const r = await readiness(db, q, config.premisesStaleAfterDays);
    if (q.format === 'csv') return sendCsv(res, 'planberedskap.csv', readinessCsv(r, q.lang ?? 'sv'));
    res.json(r);
  });

  router.get('/readiness/pipeline', async (req, res) => {
    const q = parseQuery(pipelineQuery, req);
    const p = await pipeline(db, q, config.planStuckAfterDays);
    if (q.format === 'csv') return sendCsv(res, 'planer.csv', pipelineCsv(p, q.lang ?? 'sv'));
    res.json(p);
  });

  router.get('/readiness/unmet-demand', async (req, res) => {
    const q = parseQuery(unmetDemandQuery, req);
    const u = await unmetDemand(db, q, config.premisesStaleAfterDays);
    if (q.format === 'csv') return sendCsv(res, 'ej-mott-efterfragan.csv', unmetDemandCsv(u, q.lang ?? 'sv'));
    res.json(u);
  });

  return router;
}
