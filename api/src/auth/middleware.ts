import type { RequestHandler } from 'express';
import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { userFromApiToken, userFromSession } from './service';
import { readCookie, SESSION_COOKIE } from './cookies';

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

