import type { Db } from '../db/pool';
import type { Logger } from '../logger';
import { AppError } from '../errors/app-error';
import { createAccount, hasActiveAdmin } from './service';

/**
 * The first admin, from ETABLERA_ADMIN_EMAIL + ETABLERA_ADMIN_PASSWORD, when no active admin
 * exists yet. There is no default password: without both variables nothing is created.
 * Called once by server.start, before the server listens (so the first sign-in finds it).
 */
export async function ensureFirstAdmin(db: Db, log: Logger, email?: string, password?: string): Promise<void> {
  if (!email || !password) return;
  if (await hasActiveAdmin(db)) return;
  if (password.length < 10) {
    log.error('ETABLERA_ADMIN_PASSWORD is shorter than 10 characters: no admin was created');
    return;
  }
  try {
    await createAccount(db, { email, password, name: 'Administratör', role: 'admin', status: 'active' });
    log.info({ email }, 'created the first admin account from the environment');
  } catch (err) {
    if (err instanceof AppError && err.code === 'email_taken') {
      log.error({ email }, 'ETABLERA_ADMIN_EMAIL belongs to an existing account that is not an active admin: no admin was created');
      return;
    }
    throw err;
  }
}
