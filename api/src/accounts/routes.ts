import { Router, type Request } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { parseBody, parseQuery, parseWith } from '../http/validate';
import { AppError, notFound } from '../errors/app-error';
import { withTransaction } from '../db/transaction';
import { requireRole } from '../access/guards';
import { recordChange } from '../audit/service';
import { endAllCredentials } from '../auth/service';
import { etagOf, preconditionFailed, requireIfMatch } from '../writes/preconditions';
import { createAccountBody, listAccountsQuery, updateAccountBody } from './schema';
import { createAccount, findAccount, hasActiveAdmin, listAccounts, updateAccount, type Account } from './service';

const accountId = (req: Request) => parseWith(z.coerce.number().int().positive(), req.params.id, 'invalid_parameter');

/** The business unit sees and approves property owners; the admin manages every account. */
function mayManage(req: Request, target: Account): boolean {
  return req.user!.role === 'admin' || target.role === 'owner';
}

/**
 * /api/accounts: admin manages all accounts; the business unit lists owner accounts and
 * approves or disables them. Every change is audited.
 */
export function accountsRoutes(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;
  const staff = requireRole('admin', 'business');

  async function load(req: Request): Promise<Account> {
    const account = await findAccount(db, accountId(req));
    if (!account) throw notFound(`No account ${req.params.id}`);
    if (!mayManage(req, account)) throw new AppError(403, 'forbidden', 'The business unit manages owner accounts only');
    return account;
  }

  router.get('/accounts', staff, async (req, res) => {
    const q = parseQuery(listAccountsQuery, req);
    if (req.user!.role === 'business' && q.role && q.role !== 'owner') {
      throw new AppError(403, 'forbidden', 'The business unit manages owner accounts only');
    }
    const role = req.user!.role === 'business' ? 'owner' : q.role;
    res.json({ accounts: await listAccounts(db, { role, status: q.status }) });
  });

  router.get('/accounts/:id', staff, async (req, res) => {
    const account = await load(req);
    res.set('ETag', etagOf(account.version)).json(account);
  });

  router.post('/accounts', requireRole('admin'), async (req, res) => {
    const body = parseBody(createAccountBody, req);
    const account = await withTransaction(db, async (c) => {
      const created = await createAccount(c, body);
      await recordChange(c, req.user, { entity: 'account', ref: String(created.id), action: 'create', before: null, after: created });
      return created;
    });
    res.status(201).set('ETag', etagOf(account.version)).json(account);
  });

  router.patch('/accounts/:id', staff, async (req, res) => {
    const expected = requireIfMatch(req);
    const body = parseBody(updateAccountBody, req);
    const before = await load(req);
    if (req.user!.role !== 'admin' && Object.keys(body).some((k) => k !== 'status')) {
      throw new AppError(403, 'forbidden', 'The business unit may only change the status of owner accounts');
    }
    if (expected !== etagOf(before.version)) throw preconditionFailed(etagOf(before.version), before);
    const after = await withTransaction(db, async (c) => {
      const updated = await updateAccount(c, before.id, before.version, body, req.user!.id);
      if (!updated) {
        const now = await findAccount(c, before.id);
        throw preconditionFailed(etagOf(now?.version ?? 0), now);
      }
      // Never lock everyone out: the last active admin stays an active admin.
      if (before.role === 'admin' && !(await hasActiveAdmin(c))) {
        throw new AppError(409, 'last_admin', 'This is the last active admin: create another admin first');
      }
      // A reset password, or a disable (and the re-enable after it), ends whatever was issued
      // before: the person who lost the password or the account must not keep a way in.
      const disabledOrBack = body.status !== undefined && body.status !== before.status && (body.status === 'disabled' || before.status === 'disabled');
      if (body.password || disabledOrBack) await endAllCredentials(c, before.id);
      await recordChange(c, req.user, { entity: 'account', ref: String(before.id), action: 'update', before, after: updated });
      return updated;
    });
    res.set('ETag', etagOf(after.version)).json(after);
  });

  // One click for the common case: approve a pending owner (no If-Match: idempotent).
  router.post('/accounts/:id/approve', staff, async (req, res) => {
    const before = await load(req);
    if (before.status === 'disabled') throw new AppError(409, 'account_disabled', 'A disabled account is re-enabled with PATCH status=active');
    if (before.status === 'active') return void res.set('ETag', etagOf(before.version)).json(before);
    const after = await withTransaction(db, async (c) => {
      const updated = (await updateAccount(c, before.id, null, { status: 'active' }, req.user!.id))!;
      await recordChange(c, req.user, { entity: 'account', ref: String(before.id), action: 'approve', before, after: updated });
      return updated;
    });
    res.set('ETag', etagOf(after.version)).json(after);
  });

  return router;
}
