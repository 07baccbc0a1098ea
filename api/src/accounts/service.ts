import type { Queryable } from '../db/pool';
import { AppError } from '../errors/app-error';
import { hashPassword } from './password';
import type { Role } from '../access/user';
import {
  countActiveAdmins, insertAccount, selectAccounts, updateAccountRow,
  type Account, type AccountChange, type AccountFilter,
} from './repository';
import type { AccountStatus } from './schema';

export type { Account } from './repository';

export interface NewAccount {
  email: string;
  password: string;
  name: string;
  role: Role;
  status: AccountStatus;
  organisation?: string | null;
  phone?: string | null;
}

/** Creates an account (password hashed here); 409 `email_taken` when the e-mail exists. */
export async function createAccount(db: Queryable, a: NewAccount): Promise<Account> {
  const passwordHash = await hashPassword(a.password);
  const created = await insertAccount(db, { ...a, email: a.email.toLowerCase(), passwordHash });
  if (!created) throw new AppError(409, 'email_taken', `email: an account with ${a.email} exists already`);
  return created;
}

export async function findAccount(db: Queryable, id: number): Promise<Account | undefined> {
  const [row] = await selectAccounts(db, { id });
  return row ? withoutHash(row) : undefined;
}

/** The account and its password hash, for sign-in only. */
export async function findAccountForLogin(db: Queryable, email: string): Promise<(Account & { passwordHash: string }) | undefined> {
  return (await selectAccounts(db, { email: email.toLowerCase() }))[0];
}

export async function listAccounts(db: Queryable, f: AccountFilter): Promise<Account[]> {
  return (await selectAccounts(db, f)).map(withoutHash);
}

export interface AccountUpdate extends Omit<AccountChange, 'passwordHash'> {
  password?: string;
}

/** Applies a change; undefined when unknown or `version` is stale. */
export async function updateAccount(
  db: Queryable, id: number, version: number | null, u: AccountUpdate, approverId: number | null,
): Promise<Account | undefined> {
  const { password, ...rest } = u;
  const change: AccountChange = { ...rest, ...(password ? { passwordHash: await hashPassword(password) } : {}) };
  return updateAccountRow(db, id, version, change, approverId);
}

export const hasActiveAdmin = async (db: Queryable): Promise<boolean> => (await countActiveAdmins(db)) > 0;

function withoutHash(a: Account & { passwordHash?: string }): Account {
  const { passwordHash: _omit, ...rest } = a;
  return rest;
}
