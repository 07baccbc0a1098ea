import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import type { Queryable } from '../../api/src/db/pool';
import type { Role } from '../../api/src/access/user';
import { createAccount as createAccountRow } from '../../api/src/accounts/service';
import { createApiToken } from '../../api/src/auth/service';
import { recordSecret } from './log-capture';

export interface TestAccount {
  id: number;
  email: string;
  password: string;
}

/**
 * An account straight in the database (active unless told otherwise), with a random e-mail
 * and password when none are given. Example: `await createAccount(t.db, { role: 'business' })`.
 */
export async function createAccount(
  db: Queryable,
  { role, email, password, status = 'active', name }: { role: Role; email?: string; password?: string; status?: 'pending' | 'active' | 'disabled'; name?: string },
): Promise<TestAccount> {
  const e = (email ?? `${role}-${randomBytes(4).toString('hex')}@example.test`).toLowerCase();
  const p = password ?? `pw-${randomBytes(9).toString('base64url')}`;
  const account = await createAccountRow(db, { email: e, password: p, name: name ?? `Test ${role}`, role, status });
  return { id: account.id, email: e, password: p };
}

/**
 * A supertest agent signed in through POST /api/auth/login: it carries the session cookie.
 * Example: `const agent = await signIn(t.app, a.email, a.password); await agent.get('/api/kpis')`.
 */
export async function signIn(app: Express, email: string, password: string): Promise<ReturnType<typeof request.agent>> {
  const agent = request.agent(app);
  const res = await agent.post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  recordSecret(sessionOf(res.headers['set-cookie']));
  recordSecret(password);
  return agent;
}

/** An account of `role` and an agent signed in as it, in one step. */
export async function signedIn(app: Express, db: Queryable, role: Role) {
  const account = await createAccount(db, { role });
  return { account, agent: await signIn(app, account.email, account.password) };
}

/** The session token of a Set-Cookie header. */
export function sessionOf(setCookie: string | string[] | undefined): string | undefined {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const m = all.map((c) => /^etablera_session=([^;]+)/.exec(c)).find(Boolean);
  return m ? decodeURIComponent(m[1]) : undefined;
}

/** An API token for an account, for `Authorization: Bearer`. */
export async function apiToken(db: Queryable, accountId: number): Promise<string> {
  const { token } = await createApiToken(db, accountId, 'test', null);
  recordSecret(token);
  return token;
}

/** The Authorization header value for a token: `.set(bearer(token))`. */
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
