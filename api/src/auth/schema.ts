import { z } from 'zod';

/** POST /api/auth/tokens: a named token for a script, optionally expiring. */
export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(100),
  expiresInDays: z.number().int().min(1).max(3650).nullish(),
});

/** POST /api/auth/password: the signed-in account changes its own password. */
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(200),
  newPassword: z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters'),
});
