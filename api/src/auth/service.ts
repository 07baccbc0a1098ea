import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import { AppError } from '../errors/app-error';
import { findAccountForLogin, updateAccount } from '../accounts/service';
import { hashToken, newToken } from './secrets';
import { dummyPasswordHash, verifyPassword } from '../accounts/password';
import type { AuthUser } from '../access/user';

const sessionUserSql = sqlFile(__dirname, 'session-user.sql');
const insertSessionSql = sqlFile(__dirname, 'insert-session.sql');
const deleteSessionSql = sqlFile(__dirname, 'delete-session.sql');
const tokenUserSql = sqlFile(__dirname, 'token-user.sql');
const insertApiTokenSql = sqlFile(__dirname, 'insert-api-token.sql');
const listApiTokensSql = sqlFile(__dirname, 'list-api-tokens.sql');
const revokeApiTokenSql = sqlFile(__dirname, 'revoke-api-token.sql');
const deleteOtherSessionsSql = sqlFile(__dirname, 'delete-other-sessions.sql');
const deleteAllSessionsSql = sqlFile(__dirname, 'delete-all-sessions.sql');
const revokeAllTokensSql = sqlFile(__dirname, 'revoke-all-tokens.sql');

/** API tokens start with this, so they are recognisable in logs and secret scanners. */
export const API_TOKEN_PREFIX = 'etb_';

export async function userFromSession(db: Queryable, token: string): Promise<AuthUser | undefined> {
  return (await db.query(sessionUserSql, [hashToken(token)])).rows[0];
}

export async function userFromApiToken(db: Queryable, token: string): Promise<AuthUser | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  return (await db.query(tokenUserSql, [hashToken(token)])).rows[0];
}

/**
 * Checks e-mail and password and opens a session: the token to put in the cookie. One
 * answer for an unknown e-mail, a wrong password and a disabled account, so sign-in tells
 * nobody which e-mails exist.
 */
export async function signIn(db: Queryable, email: string, password: string, ttlSeconds: number): Promise<{ token: string; user: AuthUser; expiresAt: string }> {
  const account = await findAccountForLogin(db, email);
  const ok = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!account || !ok || account.status === 'disabled') {
    throw new AppError(401, 'invalid_credentials', 'The e-mail or password is wrong');
  }
  const token = newToken();
  const { rows } = await db.query(insertSessionSql, [hashToken(token), account.id, ttlSeconds]);
  const user: AuthUser = { id: account.id, email: account.email, name: account.name, role: account.role, status: account.status };
  return { token, user, expiresAt: rows[0].expiresAt };
}

/**
 * Changes the signed-in account's password after checking the current one, and ends its
 * other sessions and all its API tokens (a stolen session or token does not outlive the
 * change; the session making the change stays).
 */
export async function changePassword(db: Queryable, user: AuthUser, current: string, next: string, keepToken: string | undefined): Promise<void> {
  const account = await findAccountForLogin(db, user.email);
  if (!account || !(await verifyPassword(account.passwordHash, current))) {
    throw new AppError(400, 'invalid_credentials', 'currentPassword: is wrong');
  }
  await updateAccount(db, user.id, null, { password: next }, null);
  await db.query(deleteOtherSessionsSql, [user.id, keepToken ? hashToken(keepToken) : null]);
  await db.query(revokeAllTokensSql, [user.id]);
}

/**
 * Ends every session and API token of an account: after an admin resets its password, or
 * disables or re-enables it, nothing issued before still signs in (issue 13, defect 8).
 * Returns how many sessions and tokens ended.
 */
export async function endAllCredentials(db: Queryable, accountId: number): Promise<{ sessions: number; tokens: number }> {
  const sessions = (await db.query(deleteAllSessionsSql, [accountId])).rowCount ?? 0;
  const tokens = (await db.query(revokeAllTokensSql, [accountId])).rowCount ?? 0;
  return { sessions, tokens };
}

export async function signOut(db: Queryable, token: string): Promise<void> {
  await db.query(deleteSessionSql, [hashToken(token)]);
}

/** A new API token for a script; the token itself is returned once and never stored. */
export async function createApiToken(db: Queryable, accountId: number, name: string, days: number | null) {
  const token = newToken(API_TOKEN_PREFIX);
  const { rows } = await db.query(insertApiTokenSql, [accountId, name, hashToken(token), days]);
  return { ...rows[0], token };
}

export async function listApiTokens(db: Queryable, accountId: number) {
  return (await db.query(listApiTokensSql, [accountId])).rows;
}

export async function revokeApiToken(db: Queryable, id: number, accountId: number): Promise<boolean> {
  return ((await db.query(revokeApiTokenSql, [id, accountId])).rowCount ?? 0) > 0;
}
