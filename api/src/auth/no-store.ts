import type { RequestHandler } from 'express';

// Endpoints whose answers name people (accounts, contacts, the audit trail) whoever asks.
const PERSONAL = /^\/(auth|accounts|audit|requests|cases|kpis|my|gdpr|intake|pitch|checklist-items)(\/|$)/;

/**
 * `Cache-Control: no-store` on every answer that may hold personal data (issue 13, defect
 * 11): whatever a signed-in account reads (its view can include names the public does not
 * get), and the personal endpoints for anyone. No shared cache or browser history keeps them.
 * Mounted under /api after `authenticate`.
 */
export const noStoreForPersonalData: RequestHandler = (req, res, next) => {
  if (req.user || req.get('authorization') || PERSONAL.test(req.path)) res.set('Cache-Control', 'no-store');
  next();
};
