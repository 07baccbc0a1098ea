import { Router } from 'express';
import type { AppContext } from '../context';
import { parseBody } from '../http/validate';
import { requireRole } from '../access/guards';
import { gdprPersonBody as personBody } from '../contract';
import { erasePerson, exportPerson } from './service';

/**
 * POST /api/gdpr/export and /api/gdpr/erase {email} (admin): a person's data out, or erased.
 * POST, not GET: the e-mail stays out of URLs and request logs. Each call is audited.
 */
export function gdprRoutes({ db }: AppContext): Router {
  const router = Router();
  const admin = requireRole('admin');
  router.post('/gdpr/export', admin, async (req, res) => {
    const { email: e } = parseBody(personBody, req);
    res.set('Content-Disposition', 'attachment; filename="etablera-personuppgifter.json"');
    res.json(await exportPerson(db, e, req.user!));
  });
  router.post('/gdpr/erase', admin, async (req, res) => {
    const { email: e } = parseBody(personBody, req);
    res.json({ erased: await erasePerson(db, e, req.user!) });
  });
  return router;
}
