import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors/app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const originOf = (value: string): string | undefined => {
  try {
    const u = new URL(value);
    return u.origin === 'null' ? undefined : u.origin.toLowerCase();
  } catch {
    return undefined;
  }
};

/** The host names this request may come from: its own Host (and, behind a trusted proxy, the forwarded one). */
function ownHosts(req: Request): string[] {
  const hosts = [req.get('host')];
  if (req.app.get('trust proxy')) hosts.push(req.get('x-forwarded-host')?.split(',')[0]?.trim());
  return hosts.filter((h): h is string => !!h).map((h) => h.toLowerCase());
}

/**
 * CSRF defence for every state-changing request a browser could be tricked into sending
 * (issue 13, defect 6). SameSite=Lax does not help here: a page on another port of the same
 * host is "same-site", so its auto-submitted form carries the session cookie. So a POST,
 * PUT, PATCH or DELETE must come from one of our own pages:
 * - `Sec-Fetch-Site: same-origin` (or `none`: typed by the user) passes; `cross-site` and
 *   `same-site` pass only with an Origin listed in ALLOWED_ORIGINS;
 * - otherwise `Origin` (else `Referer`) must name this host (host and port compared, so the
 *   check holds behind a TLS proxy) or an allowed origin; `Origin: null` never passes;
 * - a request with none of these headers is not from a browser that can be forged into
 *   sending it (every current browser sends Origin on a cross-origin POST) and passes;
 * - a request carrying `Authorization` (an API token) is exempt: browsers never add it on
 *   their own, and the token is not ambient like a cookie.
 * Refusal: 403 `cross_origin_request`. Example: `app.use(sameOriginGuard(['https://kommun.example']))`.
 */
export function sameOriginGuard(allowedOrigins: string[]): RequestHandler {
  const allowed = new Set(allowedOrigins.map((o) => o.toLowerCase()));
  const refuse = (from: string) =>
    new AppError(403, 'cross_origin_request', `Changes are accepted only from Etablera's own pages, not from ${from}`);
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || req.get('authorization')) return next();
    const fetchSite = req.get('sec-fetch-site')?.toLowerCase();
    const originHeader = req.get('origin');
    const origin = originHeader ? originOf(originHeader) : undefined;
    if (originHeader !== undefined && origin === undefined) return next(refuse(`an opaque origin (${originHeader.slice(0, 60)})`));
    const fromOwn = (o: string) => allowed.has(o) || ownHosts(req).includes(new URL(o).host.toLowerCase());
    if (fetchSite === 'same-origin' || fetchSite === 'none') return next();
    if (fetchSite === 'same-site' || fetchSite === 'cross-site') {
      return next(origin && allowed.has(origin) ? undefined : refuse(origin ?? `a ${fetchSite} page`));
    }
    if (origin) return next(fromOwn(origin) ? undefined : refuse(origin));
    const referer = req.get('referer');
    if (referer) {
      const from = originOf(referer);
      return next(from && fromOwn(from) ? undefined : refuse(from ?? 'an unknown page'));
    }
    next();
  };
}
