import { z } from 'zod';
import { matchRequestSchema } from '../matching/schema';

const text = (max: number) => z.string({ error: 'must be a string' }).trim().max(max, `must be at most ${max} characters`);

/** Body of `POST /api/requests`: a company's establishment request (etableringsförfrågan). */
export const saveRequestSchema = z.strictObject({
  companyName: text(200).min(1, 'is required'),
  contactName: text(200).optional(),
  contactEmail: z.email({ error: 'must be an e-mail address' }).max(320).optional(),
  contactPhone: text(50).optional(),
  sector: text(200).optional(),
  jobsExpected: z.number({ error: 'must be an integer' }).int('must be an integer').min(0, 'must not be negative').max(1_000_000).optional(),
  notes: text(5000).optional(),
  criteria: matchRequestSchema,
});
export type SaveRequestInput = z.output<typeof saveRequestSchema>;

/** `:id` of a saved request. */
export const requestIdParam = z.strictObject({
  id: z.string().regex(/^[1-9][0-9]{0,9}$/, 'must be a positive integer').transform(Number),
});

export const listRequestsQuery = z.strictObject({
  limit: z.string({ error: 'must be given once' }).regex(/^\d+$/, 'must be an integer').transform(Number)
    .pipe(z.number().min(1, 'must be between 1 and 500').max(500, 'must be between 1 and 500')).optional(),
});

/** A saved request without personal data: what lists show. */
export interface SavedRequestSummary {
  id: number;
  companyName: string;
  sector: string | null;
  jobsExpected: number | null;
  notes: string | null;
  criteria: z.output<typeof matchRequestSchema>;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One saved request with its contact fields (personal data: staff only once accounts exist). */
export interface SavedRequest extends SavedRequestSummary {
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}
