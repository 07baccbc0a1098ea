import { z } from 'zod';
import { isoDate } from '../http/validate';

const text = (max: number) => z.string({ error: 'must be a string' }).trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

/** The public intake form (etableringsförfrågan): what a company tells us, nothing more. */
export const intakeBody = z
  .strictObject({
    company: text(200),
    orgNumber: z.string().trim().regex(/^\d{6}-?\d{4}$/, 'must be a Swedish organisation number (NNNNNN-NNNN)').optional(),
    contact: z.strictObject({
      name: text(200),
      email: z.email({ error: 'must be an e-mail address' }).max(320),
      phone: z.string().trim().regex(/^[+0-9 ()-]{5,30}$/, 'must be a phone number').optional(),
    }),
    sector: text(200).optional(),
    investmentMsek: z.number({ error: 'must be a number' }).min(0, 'must not be negative').max(1_000_000).optional(),
    jobs: z.number({ error: 'must be an integer' }).int('must be an integer').min(0, 'must not be negative').max(100000).optional(),
    need: z.enum(['land', 'premises', 'any']).default('any'),
    use: z.enum(['office', 'retail', 'industry', 'logistics', 'lab']),
    minAreaM2: z.number({ error: 'must be a number' }).positive('must be above 0').max(10_000_000),
    maxAreaM2: z.number({ error: 'must be a number' }).positive('must be above 0').max(10_000_000).optional(),
    areas: z.array(z.string().trim().min(1)).max(20).optional(),
    neededBy: isoDate.optional(),
    message: z.string().trim().max(4000).optional(),
    // GDPR: the company agrees that we store the contact details to handle the request
    consent: z.literal(true, { error: 'must be true: we need your consent to store the contact details' }),
  })
  .refine((b) => b.maxAreaM2 === undefined || b.maxAreaM2 >= b.minAreaM2, { message: 'must not be below minAreaM2', path: ['maxAreaM2'] });
export type IntakeBody = z.output<typeof intakeBody>;
