/** Sign-in, accounts, API tokens and the audit log (docs: Accounts). */
import { z } from 'zod';
import { ACCOUNT_STATUSES, AUDIT_ENTITIES, ROLES } from './enums';
import { EMAIL_PATTERN, PASSWORD_MIN } from './rules';
import { idParams, ifMatchHeader } from './common';
import { json, type Endpoint } from './endpoint';

export const email = z
  .string()
  .trim()
  .max(254)
  .regex(EMAIL_PATTERN, 'must be an e-mail address')
  .transform((s) => s.toLowerCase());

/** Long passphrases beat composition rules (NIST SP 800-63B): length only, no maximum worth hitting. */
export const password = z.string().min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`).max(200, 'must be at most 200 characters');

const optionalText = z.string().trim().max(200).nullish();

/** POST /api/auth/signup: a property owner registers; the account starts pending. */
export const signupBody = z.strictObject({
  email,
  password,
  name: z.string().trim().min(1, 'is required').max(200),
  organisation: optionalText,
  phone: optionalText,
});

/** POST /api/gdpr/export and /api/gdpr/erase (admin): the person, by e-mail. */
export const gdprPersonBody = z.strictObject({ email });

/** POST /api/accounts (admin): any role, active at once. */
export const createAccountBody = z.strictObject({
  email,
  password,
  name: z.string().trim().min(1, 'is required').max(200),
  role: z.enum(ROLES),
  status: z.enum(ACCOUNT_STATUSES).default('active'),
  organisation: optionalText,
  phone: optionalText,
});

/** PATCH /api/accounts/:id: only the fields given change. */
export const updateAccountBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  organisation: optionalText,
  phone: optionalText,
  password: password.optional(),
});

export const listAccountsQuery = z.strictObject({
  role: z.enum(ROLES).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
});

export const loginBody = z.strictObject({ email, password: z.string().min(1, 'is required').max(200) });

/** POST /api/auth/tokens: a named token for a script, optionally expiring. */
export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(100),
  expiresInDays: z.number().int().min(1).max(3650).nullish(),
});

/** POST /api/auth/password: the signed-in account changes its own password. */
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(200),
  newPassword: password,
});

export const auditQuery = z.strictObject({
  entity: z.enum(AUDIT_ENTITIES).optional(),
  ref: z.string().min(1).optional(),
  accountId: z.coerce.number().int().positive().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

// ---- responses
const dateTime = z.string().meta({ format: 'date-time' });

/** The signed-in account (GET /api/auth/me). `status` is 'pending' for owners not yet approved. */
export const sessionUser = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  status: z.enum(['active', 'pending']),
});
export type SessionUser = z.output<typeof sessionUser>;

/** An account as staff see it; never the password hash. */
export const account = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  status: z.enum(ACCOUNT_STATUSES),
  organisation: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number().int(),
  createdAt: dateTime,
  approvedAt: dateTime.nullable(),
});
export type Account = z.output<typeof account>;

export const apiToken = z.object({
  id: z.number().int(), name: z.string(), createdAt: dateTime, expiresAt: dateTime.nullable(), lastUsedAt: dateTime.nullable(), revokedAt: dateTime.nullable(),
});
export type ApiToken = z.output<typeof apiToken>;
export const createdToken = apiToken.pick({ id: true, name: true, createdAt: true, expiresAt: true }).extend({ token: z.string().meta({ description: 'shown once' }) });

export const auditEntry = z.object({
  id: z.coerce.number(), at: dateTime, accountId: z.number().nullable(), accountEmail: z.string().nullable(),
  entity: z.enum(AUDIT_ENTITIES), ref: z.string(), action: z.string(), before: z.unknown(), after: z.unknown(),
});
export type AuditEntry = z.output<typeof auditEntry>;

const tags = ['accounts'];
const ok = (description: string, schema?: z.ZodType) => ({ description, ...(schema ? { content: json(schema) } : {}) });
const id = { params: idParams('id') };

export const accountsEndpoints: Endpoint[] = [
  {
    method: 'post', path: '/api/auth/login', tags, summary: 'Sign in: sets the HttpOnly session cookie', operationId: 'login',
    request: { body: { schema: loginBody } }, responses: { 200: ok('{ user, expiresAt }', z.object({ user: sessionUser, expiresAt: dateTime })) }, errors: [400, 401, 429],
  },
  { method: 'post', path: '/api/auth/logout', tags, summary: 'Sign out', operationId: 'logout', responses: { 204: ok('signed out') } },
  { method: 'get', path: '/api/auth/me', tags, summary: 'The signed-in account', operationId: 'me', responses: { 200: ok('{ user }', z.object({ user: sessionUser })) }, errors: [401] },
  {
    method: 'post', path: '/api/auth/signup', tags, summary: 'A property owner registers (pending until approved); the same answer whether or not the e-mail has an account', operationId: 'signup',
    request: { body: { schema: signupBody } },
    responses: { 201: ok('{ account, message }', z.object({ account: account.pick({ email: true, name: true, role: true, status: true }), message: z.string() })) }, errors: [400, 429],
  },
  {
    method: 'post', path: '/api/auth/password', tags, summary: 'Change your password (ends your other sessions)', operationId: 'change_password',
    request: { body: { schema: changePasswordBody } }, responses: { 204: ok('changed') }, errors: [400, 401, 429],
  },
  { method: 'get', path: '/api/auth/tokens', tags, summary: 'Your API tokens (never the secrets)', operationId: 'list_tokens', responses: { 200: ok('{ tokens }', z.object({ tokens: z.array(apiToken) })) }, errors: [401] },
  {
    method: 'post', path: '/api/auth/tokens', tags, summary: 'A new API token for scripts (Authorization: Bearer); shown once', operationId: 'create_token',
    request: { body: { schema: createTokenBody } }, responses: { 201: ok('{ id, name, token }', createdToken) }, errors: [400, 401],
  },
  { method: 'delete', path: '/api/auth/tokens/{id}', tags, summary: 'Revoke a token', operationId: 'revoke_token', request: id, responses: { 204: ok('revoked') }, errors: [401, 404] },
  {
    method: 'get', path: '/api/accounts', tags, summary: 'Accounts (admin; business: owners)', operationId: 'list_accounts',
    request: { query: listAccountsQuery }, responses: { 200: ok('{ accounts }', z.object({ accounts: z.array(account) })) }, errors: [401, 403],
  },
  {
    method: 'post', path: '/api/accounts', tags, summary: 'Create an account (admin)', operationId: 'create_account',
    request: { body: { schema: createAccountBody } }, responses: { 201: ok('the account', account) }, errors: [400, 401, 403, 409],
  },
  { method: 'get', path: '/api/accounts/{id}', tags, summary: 'One account, with ETag', operationId: 'get_account', request: id, responses: { 200: ok('the account', account) }, errors: [401, 403, 404] },
  {
    method: 'patch', path: '/api/accounts/{id}', tags, summary: 'Change an account (admin; business: an owner’s status)', operationId: 'update_account',
    request: { ...id, headers: ifMatchHeader, body: { schema: updateAccountBody } }, responses: { 200: ok('the account', account) }, errors: [400, 401, 403, 404, 409, 412, 428],
  },
  {
    method: 'post', path: '/api/accounts/{id}/approve', tags, summary: 'Approve a pending owner (business, admin)', operationId: 'approve_account',
    request: id, responses: { 200: ok('the account', account) }, errors: [401, 403, 404, 409],
  },
  {
    method: 'get', path: '/api/audit', tags, summary: 'The change log, newest first (admin, business)', operationId: 'audit',
    request: { query: auditQuery },
    responses: { 200: ok('{ entries: [{ id, at, accountEmail, entity, ref, action, before, after }], next }', z.object({ entries: z.array(auditEntry), next: z.number().nullable() })) },
    errors: [400, 401, 403],
  },
  {
    method: 'post', path: '/api/gdpr/export', tags, summary: "One person's data, by e-mail, as JSON (admin; audited)", operationId: 'gdpr_export',
    request: { body: { schema: gdprPersonBody } }, responses: { 200: ok('{ email, account, sessions, apiTokens, premises, requests, cases, auditEntries }') }, errors: [400, 401, 403],
  },
  {
    method: 'post', path: '/api/gdpr/erase', tags, summary: "Erase one person's data, by e-mail (admin; audited)", operationId: 'gdpr_erase',
    request: { body: { schema: gdprPersonBody } }, responses: { 200: ok('{ erased: counts }') }, errors: [400, 401, 403, 409],
  },
];
