import type { RequestHandler } from 'express';
import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { userFromApiToken, userFromSession } from './service';
import { readCookie, SESSION_COOKIE } from './cookies';

import type { Role } from '../contract/enums';
export { ROLES, STAFF_ROLES, type Role } from '../contract/enums';

/** The signed-in account of a request. `status` is 'pending' for owners not yet approved. */
export interface AuthUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  status: 'active' | 'pending';
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by `authenticate` when the request carries a valid session or API token. */
      user?: AuthUser;
    }
  }
}

/**
 * Populates `req.user` from the session cookie or `Authorization: Bearer <api token>`.
 * Mounted once for /api. A bad or expired credential leaves the request anonymous, except
 * a malformed or unknown bearer token, which is a 401: a script should learn at once that
 * its token is wrong rather than receive public data.
 */
export function authenticate(ctx: AppContext): RequestHandler {
  return async (req, _res, next) => {
    try {
      const header = req.get('authorization');
      if (header) {
        const m = /^Bearer\s+(\S+)$/i.exec(header);
        const user = m ? await userFromApiToken(ctx.db, m[1]) : undefined;
        if (!user) throw new AppError(401, 'unauthenticated', 'The API token is unknown, expired or revoked');
        req.user = user;
      } else {
        const token = readCookie(req.get('cookie'), SESSION_COOKIE);
        if (token) req.user = await userFromSession(ctx.db, token);
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

/**
 * Lets the request through only for signed-in, approved accounts with one of `roles`:
 * 401 `unauthenticated` when anonymous, 403 `forbidden` otherwise (403 `account_pending`
 * for an owner awaiting approval). Example: `router.get('/kpis', requireRole('business', 'admin'), ...)`.
 */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const user = req.user;
    if (!user) return next(new AppError(401, 'unauthenticated', 'Sign in first'));
    if (!roles.includes(user.role)) {
      return next(new AppError(403, 'forbidden', `This needs one of the roles ${roles.join(', ')}; you are ${user.role}`));
    }
    if (user.status !== 'active') {
      return next(new AppError(403, 'account_pending', 'Your account awaits approval by the business unit'));
    }
    next();
  };
}

/** Like requireRole, but an owner awaiting approval passes too (to read, never to publish). */
export function requireRoleEvenPending(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const user = req.user;
    if (!user) return next(new AppError(401, 'unauthenticated', 'Sign in first'));
    if (!roles.includes(user.role)) {
      return next(new AppError(403, 'forbidden', `This needs one of the roles ${roles.join(', ')}; you are ${user.role}`));
    }
    next();
  };
}

/** Any signed-in account, approved or not (e.g. GET /api/auth/me). */
export const requireSignedIn: RequestHandler = (req, _res, next) => {
  next(req.user ? undefined : new AppError(401, 'unauthenticated', 'Sign in first'));
};
