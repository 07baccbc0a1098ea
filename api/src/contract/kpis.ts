/** GET /api/kpis: the business unit's key figures (docs: Cases and KPIs). */
import { z } from 'zod';
import { ACTIVE_STAGES, FORMATS, LOST_REASONS, MATCH_USES, STAGES } from './enums';
import { isoDate } from './rules';
import { csvText } from './common';
import type { Endpoint } from './endpoint';

export const kpisQuery = z
  .strictObject({
    from: isoDate.optional(),
    to: isoDate.optional(),
    format: z.enum(FORMATS).default('json'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });

export const requestsPerMonth = z.object({ month: z.string(), use: z.enum(MATCH_USES).nullable(), areaRef: z.string().nullable(), requests: z.number().int() });
export type RequestsPerMonth = z.output<typeof requestsPerMonth>;

export const kpisResponse = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  casesInPeriod: z.number().int(),
  /** Cases in each active stage (first_contact … decision). */
  openByStage: z.record(z.enum(ACTIVE_STAGES), z.number().int()),
  medianDaysToFirstProposal: z.number().nullable(),
  /** Per stage, median days over completed stays; null when no stay in it has ended. */
  medianDaysInStage: z.record(z.enum(STAGES), z.number().nullable()),
  won: z.number().int(),
  lost: z.number().int(),
  lostReasons: z.partialRecord(z.enum(LOST_REASONS), z.number().int()),
  jobsInOpenCases: z.number().int(),
  jobsEstablished: z.number().int(),
  /** Expected investment, million SEK, in open and in established cases. */
  investmentMsekInOpenCases: z.number(),
  investmentMsekEstablished: z.number(),
  satisfactionMean: z.number().nullable(),
  satisfactionAnswers: z.number().int(),
  proposalsPerCase: z.number().nullable(),
  requestsPerUseAndArea: z.array(requestsPerMonth),
});
export type Kpis = z.output<typeof kpisResponse>;

export const kpisEndpoints: Endpoint[] = [
  {
    method: 'get', path: '/api/kpis', tags: ['cases'], operationId: 'kpis',
    summary: 'Key figures of establishment cases (business, admin)',
    description:
      'from/to (YYYY-MM-DD, inclusive, Stockholm dates) select the cases opened (first timeline event) in the period; ' +
      'figures are over those cases as they stand now. openByStage counts the active stages (first_contact … decision); ' +
      'medianDaysToFirstProposal: days from first event to first site_proposed; medianDaysInStage: per stage over ' +
      'completed stays (between consecutive stage changes); jobsInOpenCases over active stages; jobsEstablished and won ' +
      'over outcome established (also in follow_up); satisfactionMean over answered cases; requestsPerUseAndArea: saved ' +
      'requests created in the period per month, use and named area. format=csv gives long rows metric,key,month,use,areaRef,value.',
    request: { query: kpisQuery },
    responses: { 200: { description: 'The KPIs', content: { 'application/json': kpisResponse, 'text/csv': csvText } } },
    errors: [400, 401, 403],
  },
];
