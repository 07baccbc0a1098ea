/** POST /api/intake: the public establishment-request form (etableringsförfrågan). */
import { z } from 'zod';
import { MATCH_USES, NEEDS } from './enums';
import { isoDate, ORG_NUMBER_PATTERN, PHONE_PATTERN } from './rules';
import { json, type Endpoint } from './endpoint';

const text = (max: number) => z.string({ error: 'must be a string' }).trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

/** What a company tells us, nothing more. The intake page checks it live with this schema. */
export const intakeBody = z
  .strictObject({
    company: text(200),
    orgNumber: z.string().trim().regex(ORG_NUMBER_PATTERN, 'must be a Swedish organisation number (NNNNNN-NNNN)').optional(),
    contact: z.strictObject({
      name: text(200),
      email: z.email({ error: 'must be an e-mail address' }).max(320),
      phone: z.string().trim().regex(PHONE_PATTERN, 'must be a phone number').optional(),
    }),
    sector: text(200).optional(),
    investmentMsek: z.number({ error: 'must be a number' }).min(0, 'must not be negative').max(1_000_000).optional(),
    jobs: z.number({ error: 'must be an integer' }).int('must be an integer').min(0, 'must not be negative').max(100000).optional(),
    need: z.enum(NEEDS).default('any'),
    use: z.enum(MATCH_USES),
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
export type IntakeInput = z.input<typeof intakeBody>;

export const intakeReceipt = z.object({ status: z.literal('received'), reference: z.string() });
export type IntakeReceipt = z.output<typeof intakeReceipt>;

export const intakeEndpoints: Endpoint[] = [
  {
    method: 'post', path: '/api/intake', tags: ['cases'], operationId: 'intake',
    summary: 'Public establishment request: saves the request and opens a case (rate limited per address)',
    request: { body: { schema: intakeBody } },
    responses: { 201: { description: '{ status: "received", reference }', content: json(intakeReceipt) } },
    errors: [400, 429],
  },
];
