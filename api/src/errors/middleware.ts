import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import type { Logger } from 'pino';
import { AppError } from './app-error';
import { zodMessage } from '../http/validate';
import { databaseUnavailable, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './db-unavailable';
import { redactUrl } from '../logger';

/** Unknown API routes answer in the API's error format, not Express's HTML page. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'not_found', `No endpoint ${req.method} ${req.path}`));
};

/** Turns what body-parser throws on a client's bad body into our format. */
function fromBodyParser(err: { type?: string; status?: number; message: string }): AppError | undefined {
  if (err.type === 'entity.parse.failed') return new AppError(400, 'invalid_json', `The body is not valid JSON: ${err.message}`);
  if (err.type === 'entity.too.large') return new AppError(413, 'body_too_large', 'The body is larger than allowed');
  if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported')
    return new AppError(415, 'unsupported_encoding', err.message);
  if (typeof err.status === 'number' && err.status >= 400 && err.status < 500)
    return new AppError(err.status, 'bad_request', err.message);
  return undefined;
}

/** The one error middleware: every error response is written here. */
export function errorMiddleware(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    // Already answered (e.g. the request deadline passed first): nothing left to tell the client.
    if (res.headersSent) return;
    let appError: AppError | undefined;
    if (err instanceof AppError) appError = err;
    else if (err instanceof ZodError) appError = new AppError(400, 'invalid_request', zodMessage(err));
    else if (isDatabaseUnavailable(err)) {
      // Slow, locked or lost database: the client may retry; the fault is ours, not a bug.
      // The route pattern, not the URL: a path may carry a token (/api/pitch/:token).
      const route = `${req.baseUrl}${(req.route as { path?: string } | undefined)?.path ?? ''}`;
      log.warn({ sqlstate: (err as { code?: string }).code, reason: (err as Error).message, method: req.method, route }, 'database unavailable');
      appError = databaseUnavailable(err);
    } else if (err && typeof err === 'object') appError = fromBodyParser(err);
    if (!appError) {
      log.error({ err, method: req.method, url: redactUrl(req.originalUrl) }, 'unhandled error');
      appError = new AppError(500, 'internal_error', 'Something went wrong on our side; it has been logged.');
    }
    if (appError.status === 503 || appError.status === 429) {
      const seconds = Number(appError.details?.retryAfterSeconds ?? RETRY_AFTER_SECONDS);
      res.set('Retry-After', String(Math.max(1, Math.ceil(seconds))));
    }
    res.status(appError.status).json({ code: appError.code, message: appError.message, ...(appError.details ?? {}) });
  };
}
