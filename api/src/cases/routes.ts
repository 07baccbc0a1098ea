import { Router, type Request } from 'express';
import type { AppContext } from '../context';
import { parseBody, parseQuery, parseWith } from '../http/validate';
import { requireRole } from '../access/guards';
import * as service from './service';
import * as s from './schema';
import { ifMatchVersion, setEtag } from './etag';

const actor = (req: Request): service.Actor => ({ id: req.user?.id ?? null, email: req.user?.email ?? null });
const idOf = (req: Request, name = 'id') => parseWith(s.idParam, req.params[name], 'invalid_parameter');

/**
 * Establishment cases, staff only (business, admin):
 * /api/cases, /api/cases/:id (+ /stage, /reopen, /events, /requests, /sites, /checklist),
 * and the process bank /api/checklist-items (admin edits).
 */
export function casesRoutes({ db }: AppContext): Router {
  const r = Router();
  const staff = requireRole('business', 'admin');

  const sendCase = async (res: import('express').Response, id: number, status = 200) => {
    const detail = await service.getCaseDetail(db, id);
    setEtag(res, detail.version);
    // Personal data, and the ETag covers only the case row (not its events): never cached.
    res.set('Cache-Control', 'no-store');
    res.status(status).json(detail);
  };

  r.get('/cases', staff, async (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json({ cases: await service.listCases(db, parseQuery(s.listCasesQuery, req)) });
  });
  r.post('/cases', staff, async (req, res) => {
    const id = await service.createCase(db, parseBody(s.createCaseBody, req), actor(req));
    res.location(`/api/cases/${id}`);
    await sendCase(res, id, 201);
  });
  r.get('/cases/:id', staff, async (req, res) => sendCase(res, idOf(req)));
  r.patch('/cases/:id', staff, async (req, res) => {
    const id = idOf(req);
    await service.updateCase(db, id, ifMatchVersion(req), parseBody(s.patchCaseBody, req), actor(req));
    await sendCase(res, id);
  });
  r.post('/cases/:id/stage', staff, async (req, res) => {
    const id = idOf(req);
    await service.changeStage(db, id, ifMatchVersion(req), parseBody(s.stageBody, req), actor(req));
    await sendCase(res, id);
  });
  r.post('/cases/:id/reopen', staff, async (req, res) => {
    const id = idOf(req);
    await service.reopenCase(db, id, ifMatchVersion(req), parseBody(s.reopenBody, req), actor(req));
    await sendCase(res, id);
  });
  r.post('/cases/:id/events', staff, async (req, res) => {
    const id = idOf(req);
    await service.addEvent(db, id, parseBody(s.eventBody, req), actor(req));
    await sendCase(res, id, 201);
  });
  r.post('/cases/:id/requests', staff, async (req, res) => {
    const id = idOf(req);
    await service.linkRequest(db, id, parseBody(s.linkRequestBody, req).requestId, actor(req));
    await sendCase(res, id, 201);
  });
  r.post('/cases/:id/sites', staff, async (req, res) => {
    const id = idOf(req);
    await service.proposeSite(db, id, parseBody(s.proposeSiteBody, req), actor(req));
    await sendCase(res, id, 201);
  });
  r.put('/cases/:id/sites/:siteId/response', staff, async (req, res) => {
    const id = idOf(req);
    await service.setSiteResponse(db, id, idOf(req, 'siteId'), parseBody(s.siteResponseBody, req), actor(req));
    await sendCase(res, id);
  });
  r.put('/cases/:id/checklist/:itemId', staff, async (req, res) => {
    const id = idOf(req);
    await service.setChecklistItem(db, id, idOf(req, 'itemId'), parseBody(s.checklistTickBody, req).done, actor(req));
    await sendCase(res, id);
  });

  r.get('/checklist-items', staff, async (_req, res) => {
    res.json({ items: await service.listChecklistBank(db) });
  });
  r.post('/checklist-items', requireRole('admin'), async (req, res) => {
    const id = await service.createChecklistBankItem(db, parseBody(s.bankItemBody, req), actor(req));
    const item = await service.getChecklistBankItem(db, id);
    setEtag(res, item!.version);
    res.status(201).json(item);
  });
  r.patch('/checklist-items/:id', requireRole('admin'), async (req, res) => {
    const id = idOf(req);
    await service.updateChecklistBankItem(db, id, ifMatchVersion(req), parseBody(s.bankItemPatch, req), actor(req));
    const item = await service.getChecklistBankItem(db, id);
    setEtag(res, item!.version);
    res.json(item);
  });
  return r;
}
