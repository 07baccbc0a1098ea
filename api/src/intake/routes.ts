import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { parseBody } from '../http/validate';
import { intakeBody } from './schema';
import { receiveIntake } from './service';

// A real company sends one or two requests; this stops a script flooding the case list.
export const INTAKE_LIMIT = { windowMs: 60 * 60 * 1000, limit: 10 };

/** POST /api/intake: the public establishment-request form (no sign-in, rate limited per IP). */
export function intakeRoutes({ db }: AppContext): Router {
  const r = Router();
  const limiter = rateLimit({
    ...INTAKE_LIMIT,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError(429, 'too_many_requests', 'Too many requests from this address; try again in an hour')),
  });
  r.post('/intake', limiter, async (req, res) => {
    const received = await receiveIntake(db, parseBody(intakeBody, req));
    res.status(201).json({ status: 'received', reference: received.reference });
  });
  return r;
}
