import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error';
import type { Role } from './user';

// Route guards on req.user (set by auth's `authenticate`, mounted once for /api).

function roleGuard(roles: Role[], evenPending: boolean): RequestHandler {
  return (req, _res, next) => {
    const user = req.user;
    if (!user) return next(new AppError(401, 'unauthenticated', 'Sign in first'));
    if (!roles.includes(user.role)) {
      return next(new AppError(403, 'forbidden', `This needs one of the roles ${roles.join(', ')}; you are ${user.role}`));
    }
    if (!evenPending && user.status !== 'active') {
      return next(new AppError(403, 'account_pending', 'Your account awaits approval by the business unit'));
    }
    next();
  };
}

/**
 * Lets the request through only for signed-in, approved accounts with one of `roles`:
 * 401 `unauthenticated` when anonymous, 403 `forbidden` otherwise (403 `account_pending`
 * for an owner awaiting approval). Example: `router.get('/kpis', requireRole('business', 'admin'), ...)`.
 */
export const requireRole = (...roles: Role[]): RequestHandler => roleGuard(roles, false);

/** Like requireRole, but an owner awaiting approval passes too (to read, never to publish). */
export const requireRoleEvenPending = (...roles: Role[]): RequestHandler => roleGuard(roles, true);

/** Any signed-in account, approved or not (e.g. GET /api/auth/me). */
export const requireSignedIn: RequestHandler = (req, _res, next) => {
  next(req.user ? undefined : new AppError(401, 'unauthenticated', 'Sign in first'));
};
