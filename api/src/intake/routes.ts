import { Router } from 'express';
import type { AppContext } from '../context';
import { parseBody } from '../http/validate';
import { perAddress, SharedLimit } from '../auth/rate-limit';
import { intakeBody } from './schema';
import { receiveIntake } from './service';

// A real company sends one or two requests; this stops a script flooding the case list.
// The default of INTAKE_PER_HOUR (config.ts).
export const INTAKE_LIMIT = { windowMs: 60 * 60 * 1000, limit: 10 };

/** POST /api/intake: the public establishment-request form (no sign-in, rate limited per address in the shared store). */
export function intakeRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const limiter = perAddress(
    new SharedLimit(db, {
      name: 'intake_ip',
      points: config.intakePerHour,
      seconds: INTAKE_LIMIT.windowMs / 1000,
      code: 'too_many_requests',
      message: 'Too many requests from this address; try again in an hour',
    }),
  );
  r.post('/intake', limiter, async (req, res) => {
    const received = await receiveIntake(db, parseBody(intakeBody, req));
    res.status(201).json({ status: 'received', reference: received.reference });
  });
  return r;
}
