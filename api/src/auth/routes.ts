import { Router } from 'express';
import type { AppContext } from '../context';
import { parseBody, parseWith } from '../http/validate';
import { AppError, notFound } from '../errors/app-error';
import { z } from 'zod';
import { withTransaction } from '../db/transaction';
import { loginBody, signupBody } from '../accounts/schema';
import { createAccount } from '../accounts/service';
import { recordChange } from '../audit/service';
import { authenticate } from './middleware';
import { requireSignedIn } from '../access/guards';
import type { AuthUser } from '../access/user';
import { clearSessionCookie, readCookie, SESSION_COOKIE, setSessionCookie } from './cookies';
import { perAddress, SharedLimit, SignInGuard } from './rate-limit';
import { noStoreForPersonalData } from './no-store';
import { changePassword, createApiToken, listApiTokens, revokeApiToken, signIn, signOut } from './service';
import { changePasswordBody, createTokenBody } from './schema';

const me = (u: AuthUser) => ({ id: u.id, email: u.email, name: u.name, role: u.role, status: u.status });

/**
 * Populates req.user for all of /api (so this router is mounted before the others), and
 * /api/auth: login, logout, me, signup (owners) and API tokens.
 */
export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  const { db, config } = ctx;
  const ttlSeconds = Math.round(config.sessionTtlHours * 3600);
  const guard = new SignInGuard(db, config.loginAttemptsPer15Min);
  const signupLimiter = perAddress(
    new SharedLimit(db, { name: 'signup_ip', points: config.signupsPerHour, seconds: 3600, code: 'too_many_requests', message: 'Too many sign-ups from this address; try again in an hour' }),
  );
  /** Runs `work`; a wrong password counts against the address and the account. */
  async function guarded<T>(req: Parameters<typeof guard.check>[0], email: string, work: () => Promise<T>): Promise<T> {
    await guard.check(req, email);
    try {
      return await work();
    } catch (err) {
      if (err instanceof AppError && err.code === 'invalid_credentials') await guard.failed(req, email);
      throw err;
    }
  }

  router.use(authenticate(ctx));
  router.use(noStoreForPersonalData);

  router.post('/auth/login', async (req, res) => {
    const body = parseBody(loginBody, req);
    const session = await guarded(req, body.email, () => signIn(db, body.email, body.password, ttlSeconds));
    setSessionCookie(req, res, session.token, ttlSeconds * 1000);
    res.json({ user: me(session.user), expiresAt: session.expiresAt });
  });

  router.post('/auth/logout', async (req, res) => {
    const token = readCookie(req.get('cookie'), SESSION_COOKIE);
    if (token) await signOut(db, token);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  router.get('/auth/me', requireSignedIn, (req, res) => {
    res.json({ user: me(req.user!) });
  });

  // Property owners register themselves; the business unit approves them before they publish.
  // One answer whether or not the e-mail has an account already (issue 13, defect 10: the
  // 409 "an account with X exists" told anyone which e-mails are registered); the password
  // is hashed either way, so the time does not tell either. The owner of an existing
  // account signs in (or asks the business unit) as before.
  router.post('/auth/signup', signupLimiter, async (req, res) => {
    const body = parseBody(signupBody, req);
    try {
      const account = await createAccount(db, { ...body, role: 'owner', status: 'pending' });
      await recordChange(db, null, { entity: 'account', ref: String(account.id), action: 'signup', before: null, after: account });
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'email_taken')) throw err;
    }
    res.status(201).json({
      account: { email: body.email, name: body.name, role: 'owner', status: 'pending' },
      message: 'Thank you: the business unit checks and approves new owner accounts.',
    });
  });

  router.post('/auth/password', requireSignedIn, async (req, res) => {
    const body = parseBody(changePasswordBody, req);
    await guarded(req, req.user!.email, () =>
      withTransaction(db, async (c) => {
        await changePassword(c, req.user!, body.currentPassword, body.newPassword, readCookie(req.get('cookie'), SESSION_COOKIE));
        await recordChange(c, req.user, { entity: 'account', ref: String(req.user!.id), action: 'password_change', before: null, after: null });
      }),
    );
    res.status(204).end();
  });

  router.get('/auth/tokens', requireSignedIn, async (req, res) => {
    res.json({ tokens: await listApiTokens(db, req.user!.id) });
  });

  router.post('/auth/tokens', requireSignedIn, async (req, res) => {
    const body = parseBody(createTokenBody, req);
    const created = await withTransaction(db, async (c) => {
      const token = await createApiToken(c, req.user!.id, body.name, body.expiresInDays ?? null);
      const { token: _secret, ...record } = token;
      await recordChange(c, req.user, { entity: 'account', ref: String(req.user!.id), action: 'token_create', before: null, after: record });
      return token;
    });
    res.status(201).json(created);
  });

  router.delete('/auth/tokens/:id', requireSignedIn, async (req, res) => {
    const id = parseWith(z.coerce.number().int().positive(), req.params.id, 'invalid_parameter');
    await withTransaction(db, async (c) => {
      if (!(await revokeApiToken(c, id, req.user!.id))) throw notFound(`No active API token ${id} of yours`);
      await recordChange(c, req.user, { entity: 'account', ref: String(req.user!.id), action: 'token_revoke', before: { tokenId: id }, after: null });
    });
    res.status(204).end();
  });

  return router;
}
