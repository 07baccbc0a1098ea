import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import type { Role } from '../access/user';
import type { AccountStatus } from './schema';
import type { Account } from '../contract/accounts';

const insertAccountSql = sqlFile(__dirname, 'insert-account.sql');
const selectAccountsSql = sqlFile(__dirname, 'select-accounts.sql');
const updateAccountSql = sqlFile(__dirname, 'update-account.sql');
const countActiveAdminsSql = sqlFile(__dirname, 'count-active-admins.sql');

/** An account as staff see it; never the password hash (the contract's shape). */
export type { Account } from '../contract/accounts';

export interface NewAccountRow {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  status: AccountStatus;
  organisation?: string | null;
  phone?: string | null;
}

/** Undefined when the e-mail is taken. */
export async function insertAccount(db: Queryable, a: NewAccountRow): Promise<Account | undefined> {
  const { rows } = await db.query(insertAccountSql, [a.email, a.name, a.role, a.passwordHash, a.status, a.organisation ?? null, a.phone ?? null]);
  return rows[0];
}

export interface AccountFilter {
  id?: number;
  email?: string;
  role?: Role;
  status?: AccountStatus;
}

export async function selectAccounts(db: Queryable, f: AccountFilter): Promise<Array<Account & { passwordHash: string }>> {
  const { rows } = await db.query(selectAccountsSql, [f.id ?? null, f.email ?? null, f.role ?? null, f.status ?? null]);
  return rows;
}

export interface AccountChange {
  name?: string;
  role?: Role;
  status?: AccountStatus;
  organisation?: string | null;
  phone?: string | null;
  passwordHash?: string;
}

/** Undefined when the id is unknown or `version` no longer matches. */
export async function updateAccountRow(
  db: Queryable, id: number, version: number | null, c: AccountChange, approverId: number | null,
): Promise<Account | undefined> {
  const { rows } = await db.query(updateAccountSql, [
    id, version, c.name ?? null, c.role ?? null, c.status ?? null,
    c.organisation !== undefined, c.organisation ?? null, c.phone !== undefined, c.phone ?? null,
    c.passwordHash ?? null, approverId,
  ]);
  return rows[0];
}

export async function countActiveAdmins(db: Queryable): Promise<number> {
  return (await db.query(countActiveAdminsSql)).rows[0].n;
}
