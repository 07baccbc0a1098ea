import { Router, type Request } from 'express';
import type { AppContext } from '../context';
import { parseBody, parseQuery, parseWith } from '../http/validate';
import { requireRole } from '../access/guards';
import { idParam } from '../cases/schema';
import { createLinkBody, pitchQuery } from './schema';
import { createPitchLink, listPitchLinks, revokePitchLink, viewPitch } from './service';
import { pitchHtml } from './render';
import { htmlToPdf } from './pdf';
import { allowLongRequest } from '../http/deadline';
import { perAddress, SharedLimit } from '../auth/rate-limit';

const idOf = (req: Request, name: string) => parseWith(idParam, req.params[name], 'invalid_parameter');

/**
 * Staff: /api/cases/:id/pitch-links (create, list, revoke). Public: /api/pitch/:token
 * (JSON) and /api/pitch/:token/pdf, the only public view of a case.
 */
export function pitchRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const staff = requireRole('business', 'admin');

  r.get('/cases/:id/pitch-links', staff, async (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json({ links: await listPitchLinks(db, idOf(req, 'id')) });
  });
  r.post('/cases/:id/pitch-links', staff, async (req, res) => {
    const link = await createPitchLink(db, idOf(req, 'id'), parseBody(createLinkBody, req), req.user ?? null);
    res.status(201).location(link.url).json(link);
  });
  r.post('/cases/:id/pitch-links/:linkId/revoke', staff, async (req, res) => {
    res.json(await revokePitchLink(db, idOf(req, 'id'), idOf(req, 'linkId'), req.user ?? null));
  });

  r.get('/pitch/:token', async (req, res) => {
    const { lang } = parseQuery(pitchQuery, req);
    res.set('Cache-Control', 'no-store');
    res.set('X-Robots-Tag', 'noindex');
    res.json(await viewPitch(db, req.params.token as string, lang));
  });
  // Printing starts a browser: a public endpoint needs a tighter limit than reading JSON.
  const pdfLimiter = perAddress(
    new SharedLimit(db, { name: 'pitch_pdf_ip', points: 10, seconds: 60, code: 'too_many_requests', message: 'Too many PDF requests; try again in a minute' }),
  );
  r.get('/pitch/:token/pdf', pdfLimiter, async (req, res) => {
    // Chromium printing, not the database, takes the time here (seconds on a busy machine).
    allowLongRequest(res, 60_000);
    const { lang } = parseQuery(pitchQuery, req);
    const pdf = await htmlToPdf(pitchHtml(await viewPitch(db, req.params.token as string, lang)), config.chromiumPath);
    res.set('Cache-Control', 'no-store');
    res.set('Content-Disposition', `inline; filename="huddinge-pitch-${lang}.pdf"`);
    res.type('application/pdf').send(pdf);
  });
  return r;
}
