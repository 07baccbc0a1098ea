import { rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error';

/**
 * Slows password guessing: at most `failures` failed attempts per client address per 15
 * minutes (successful sign-ins do not count). Behind a proxy, TRUST_PROXY makes req.ip the
 * client's address rather than the proxy's.
 */
export function loginLimiter(failures: number): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: failures,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new AppError(429, 'too_many_attempts', 'Too many failed attempts from this address; try again in 15 minutes')),
  });
}
