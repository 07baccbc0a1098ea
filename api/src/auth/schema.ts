import { z } from 'zod';

/** POST /api/auth/tokens: a named token for a script, optionally expiring. */
export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(100),
  expiresInDays: z.number().int().min(1).max(3650).nullish(),
});
