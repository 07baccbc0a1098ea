import { z } from 'zod';
import { isoDate } from '../http/validate';

export const kpisQuery = z
  .strictObject({
    from: isoDate.optional(),
    to: isoDate.optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });
