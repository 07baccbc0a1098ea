import { z } from 'zod';
import { STAGES, ACTIVE_STAGES, LOST_REASONS } from './stages';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const id = z.coerce.number().int().positive();

/** When it happened: ISO 8601 date-time with an offset; never in the future (checked in the service). */
export const occurredAt = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with offset, e.g. 2026-03-01T09:00:00+01:00' });

const caseFields = {
  companyName: text(200),
  orgNumber: z.string().trim().regex(/^\d{6}-?\d{4}$/, 'must be a Swedish organisation number (NNNNNN-NNNN)').nullable().optional(),
  sector: optionalText(200),
  jobsExpected: z.number().int().min(0).max(100000).nullable().optional(),
  /** expected investment, million SEK */
  investmentMsek: z.number().min(0).max(1_000_000).nullable().optional(),
  contactName: optionalText(200),
  contactEmail: z.string().trim().email('must be an e-mail address').max(200).nullable().optional(),
  contactPhone: z.string().trim().regex(/^[+0-9 ()-]{5,30}$/, 'must be a phone number').nullable().optional(),
  summary: optionalText(4000),
  officerId: z.number().int().positive().nullable().optional(),
};

export const createCaseBody = z
  .strictObject({
    ...caseFields,
    companyName: text(200).optional(),
    requestIds: z.array(z.number().int().positive()).max(20).optional(),
    occurredAt: occurredAt.optional(),
    note: optionalText(4000),
  })
  .refine((b) => b.companyName || b.requestIds?.length, { message: 'companyName: required unless requestIds names a saved request', path: ['companyName'] });
export type CreateCaseBody = z.output<typeof createCaseBody>;

export const patchCaseBody = z.strictObject(caseFields).partial();
export type PatchCaseBody = z.output<typeof patchCaseBody>;

export const stageBody = z.strictObject({
  stage: z.enum(STAGES),
  note: optionalText(4000),
  lostReason: z.enum(LOST_REASONS).optional(),
  satisfactionScore: z.number().int().min(1, 'must be 1–10').max(10, 'must be 1–10').optional(),
  occurredAt: occurredAt.optional(),
});
export type StageBody = z.output<typeof stageBody>;

export const reopenBody = z.strictObject({
  stage: z.enum(ACTIVE_STAGES),
  note: text(4000),
  occurredAt: occurredAt.optional(),
});

export const eventBody = z.strictObject({
  kind: z.enum(['note', 'call', 'meeting'], { error: 'must be note, call or meeting (stage changes and sites have their own endpoints)' }),
  body: text(4000),
  occurredAt: occurredAt.optional(),
});

export const linkRequestBody = z.strictObject({ requestId: z.number().int().positive() });

export const SITE_RESPONSES = ['pending', 'interested', 'not_interested', 'visited'] as const;
export const proposeSiteBody = z.strictObject({
  kind: z.enum(['land', 'premises']),
  ref: text(200),
  note: optionalText(4000),
  occurredAt: occurredAt.optional(),
});
export const siteResponseBody = z.strictObject({
  response: z.enum(SITE_RESPONSES),
  note: optionalText(4000),
  occurredAt: occurredAt.optional(),
});

export const checklistTickBody = z.strictObject({ done: z.boolean() });

export const listCasesQuery = z.strictObject({
  stage: z.enum(STAGES).optional(),
  officerId: id.optional(),
  q: z.string().trim().max(200).optional(),
});

export const bankItemBody = z.strictObject({
  stage: z.enum(STAGES),
  position: z.number().int().min(0).max(1000).optional(),
  labelSv: text(300),
  labelEn: text(300),
  active: z.boolean().optional(),
});
export const bankItemPatch = bankItemBody.partial();

export const idParam = id;
