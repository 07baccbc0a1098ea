import { z } from 'zod';

export const createLinkBody = z.strictObject({
  sites: z
    .array(z.strictObject({ kind: z.enum(['land', 'premises']), ref: z.string().trim().min(1).max(200) }))
    .min(1, 'pick at least one site')
    .max(20, 'at most 20 sites'),
  expiresInDays: z.number().int().min(1, 'must be 1–180').max(180, 'must be 1–180').default(30),
  /** the company's use; default: the use of the case's first saved request */
  use: z.enum(['office', 'retail', 'industry', 'logistics', 'lab']).optional(),
});

export const pitchQuery = z.strictObject({ lang: z.enum(['sv', 'en']).default('sv') });
