import { z } from 'zod';
import { ROLES } from '../access/user';

export const ACCOUNT_STATUSES = ['pending', 'active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const email = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must be an e-mail address')
  .transform((s) => s.toLowerCase());

/** Long passphrases beat composition rules (NIST SP 800-63B): length only, no maximum worth hitting. */
export const password = z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters');

const optionalText = z.string().trim().max(200).nullish();

/** POST /api/auth/signup: a property owner registers; the account starts pending. */
export const signupBody = z.strictObject({
  email,
  password,
  name: z.string().trim().min(1, 'is required').max(200),
  organisation: optionalText,
  phone: optionalText,
});

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
