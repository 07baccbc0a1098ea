import type { RequestHandler, Response } from 'express';
import { RETRY_AFTER_SECONDS } from '../errors/db-unavailable';

const LONG = Symbol('etablera.longDeadline');

/**
 * Every request is answered within `ms`: when the handler has not answered by then (a
 * database that stalls beyond its own timeouts, a pool queue that does not move), the client
 * gets 503 `deadline_exceeded` with Retry-After, and whatever the handler writes later is
 * dropped by the error middleware (headers already sent). The database work itself stays
 * bounded by statement_timeout. Example: `app.use(requestDeadline(10_000))`.
 */
export function requestDeadline(ms: number): RequestHandler {
  return (req, res, next) => {
    // A change may still commit after this answer (its statements are bounded, not undone):
    // say so, so a client reads before it retries (If-Match then stops a double change).
    const message = ['GET', 'HEAD', 'OPTIONS'].includes(req.method)
      ? 'The request took longer than allowed; try again shortly'
      : 'The request took longer than allowed; the change may or may not have been saved: read it again before retrying';
    const arm = (after: number) =>
      setTimeout(() => {
        if (res.headersSent || res.writableEnded) return;
        res
          .status(503)
          .set('Retry-After', String(RETRY_AFTER_SECONDS))
          .set('Cache-Control', 'no-store')
          .json({ code: 'deadline_exceeded', message, retryAfterSeconds: RETRY_AFTER_SECONDS });
      }, after);
    let timer = arm(ms);
    (res as unknown as Record<symbol, (ms: number) => void>)[LONG] = (longer: number) => {
      clearTimeout(timer);
      timer = arm(longer);
    };
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}

/**
 * Gives one request a longer deadline, for work that is long by nature and not database
 * bound (printing a PDF in Chromium). Example: `allowLongRequest(res, 60_000)`.
 */
export function allowLongRequest(res: Response, ms: number): void {
  (res as unknown as Record<symbol, ((ms: number) => void) | undefined>)[LONG]?.(ms);
}
