import { Router } from 'express';
import { reader, type AppContext } from '../context';
import { parseQuery } from '../http/validate';
import { sendCsv } from '../csv/csv';
import { pipelineCsv, readinessCsv, unmetDemandCsv } from './readiness-csv';
import { pipelineQuery, readinessQuery, unmetDemandQuery } from './schema';
import { pipeline, readiness } from './service';
import { unmetDemandCache } from './unmet-demand-cache';
import { perAddress, SharedLimit } from '../auth/rate-limit';

/** GET /api/readiness, /api/readiness/pipeline, /api/readiness/unmet-demand (JSON, or CSV with format=csv). */
export function readinessRoutes(ctx: AppContext): Router {
  // readiness, the pipeline and unmet demand are read-only: the read replica when there is one
  const db = reader(ctx);
  const { config } = ctx;
  const router = Router();
  const cachedUnmetDemand = unmetDemandCache();
  // Public and the costliest read: a limit per address on top of the cache.
  const unmetLimit = perAddress(
    new SharedLimit(db, {
      name: 'unmet_demand_ip',
      points: config.unmetDemandPerMinute,
      seconds: 60,
      code: 'too_many_requests',
      message: 'Too many unmet-demand requests from this address; try again in a minute',
    }),
  );

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

  router.get('/readiness/unmet-demand', unmetLimit, async (req, res) => {
    const q = parseQuery(unmetDemandQuery, req);
    const u = await cachedUnmetDemand(db, q, config.premisesStaleAfterDays);
    if (q.format === 'csv') return sendCsv(res, 'ej-mott-efterfragan.csv', unmetDemandCsv(u, q.lang ?? 'sv'));
    res.json(u);
  });

  return router;
}
