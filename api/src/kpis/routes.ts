import { Router } from 'express';
import type { AppContext } from '../context';
import { parseQuery } from '../http/validate';
import { requireRole } from '../access/guards';
import { sendCsv } from '../csv/csv';
import { kpisQuery } from './schema';
import { computeKpis, kpisCsv } from './service';

/** GET /api/kpis?from=&to=&format=json|csv (business, admin). */
export function kpisRoutes({ db }: AppContext): Router {
  const r = Router();
  r.get('/kpis', requireRole('business', 'admin'), async (req, res) => {
    const q = parseQuery(kpisQuery, req);
    res.set('Cache-Control', 'no-store');
    const k = await computeKpis(db, q.from ?? null, q.to ?? null);
    if (q.format === 'csv') {
      sendCsv(res, `etablera-kpis-${q.from ?? 'start'}-${q.to ?? 'now'}.csv`, kpisCsv(k));
      return;
    }
    res.json(k);
  });
  return r;
}
