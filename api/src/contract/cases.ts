/**
 * Establishment cases (docs: Cases and KPIs). Stage rules: forward one stage or back freely;
 * a forward skip needs `note`; `lost` needs `lostReason`; `established` and `lost` are
 * closed (409 case_closed on any edit) until moved to `follow_up` or reopened.
 */
import { z } from 'zod';
import { ACTIVE_STAGES, CASE_SOURCES, EVENT_KINDS, LOST_REASONS, OUTCOMES, SITE_KINDS, SITE_RESPONSES, STAGES, TIMELINE_KINDS } from './enums';
import { ORG_NUMBER_PATTERN, PHONE_PATTERN } from './rules';
import { idParams, ifMatchHeader } from './common';
import { matchRequestSchema } from './matching';
import { json, type Endpoint } from './endpoint';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const id = z.coerce.number().int().positive();

/** When it happened: ISO 8601 date-time with an offset; never in the future (checked in the service). */
export const occurredAt = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with offset, e.g. 2026-03-01T09:00:00+01:00' });

const caseFields = {
  companyName: text(200),
  orgNumber: z.string().trim().regex(ORG_NUMBER_PATTERN, 'must be a Swedish organisation number (NNNNNN-NNNN)').nullable().optional(),
  sector: optionalText(200),
  jobsExpected: z.number().int().min(0).max(100000).nullable().optional(),
  /** expected investment, million SEK */
  investmentMsek: z.number().min(0).max(1_000_000).nullable().optional(),
  contactName: optionalText(200),
  contactEmail: z.string().trim().email('must be an e-mail address').max(200).nullable().optional(),
  contactPhone: z.string().trim().regex(PHONE_PATTERN, 'must be a phone number').nullable().optional(),
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
  kind: z.enum(EVENT_KINDS, { error: 'must be note, call or meeting (stage changes and sites have their own endpoints)' }),
  body: text(4000),
  occurredAt: occurredAt.optional(),
});

export const linkRequestBody = z.strictObject({ requestId: z.number().int().positive() });

export const proposeSiteBody = z.strictObject({
  kind: z.enum(SITE_KINDS),
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

// ---- responses (dates are ISO 8601 strings in JSON)
const dateTime = z.string().meta({ format: 'date-time' });

export const caseSummary = z.object({
  id: z.number().int(),
  companyName: z.string(),
  sector: z.string().nullable(),
  jobsExpected: z.number().nullable(),
  stage: z.enum(STAGES),
  outcome: z.enum(OUTCOMES).nullable(),
  officerId: z.number().nullable(),
  source: z.enum(CASE_SOURCES),
  version: z.number().int(),
  updatedAt: dateTime,
  openedAt: dateTime.nullable(),
  lastEventAt: dateTime.nullable(),
  sitesProposed: z.number().int(),
});
export type CaseSummary = z.output<typeof caseSummary>;

export const caseEvent = z.object({
  id: z.number().int(),
  kind: z.enum(TIMELINE_KINDS),
  occurredAt: dateTime,
  recordedAt: dateTime,
  recordedBy: z.number().nullable(),
  body: z.string().nullable(),
  fromStage: z.enum(STAGES).nullable(),
  toStage: z.enum(STAGES).nullable(),
  siteKind: z.enum(SITE_KINDS).nullable(),
  siteRef: z.string().nullable(),
  response: z.enum(SITE_RESPONSES).nullable(),
});
export type CaseEvent = z.output<typeof caseEvent>;

export const caseSite = z.object({
  id: z.number().int(),
  kind: z.enum(SITE_KINDS),
  ref: z.string(),
  response: z.enum(SITE_RESPONSES),
  proposedAt: dateTime,
  respondedAt: dateTime.nullable(),
  version: z.number().int(),
  name: z.string().nullable(),
  areaRef: z.string().nullable(),
});
export type CaseSite = z.output<typeof caseSite>;

export const checklistEntry = z.object({
  id: z.number().int(),
  stage: z.enum(STAGES),
  position: z.number().int(),
  labelSv: z.string(),
  labelEn: z.string(),
  done: z.boolean(),
  doneAt: dateTime.nullable(),
  doneBy: z.number().nullable(),
});
export type ChecklistEntry = z.output<typeof checklistEntry>;

export const bankItem = z.object({
  id: z.number().int(), stage: z.enum(STAGES), position: z.number().int(), labelSv: z.string(), labelEn: z.string(), active: z.boolean(), version: z.number().int(),
});
export type BankItem = z.output<typeof bankItem>;

export const caseDetail = z.object({
  id: z.number().int(),
  companyName: z.string(),
  orgNumber: z.string().nullable(),
  sector: z.string().nullable(),
  jobsExpected: z.number().nullable(),
  investmentMsek: z.number().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  summary: z.string().nullable(),
  stage: z.enum(STAGES),
  outcome: z.enum(OUTCOMES).nullable(),
  lostReason: z.enum(LOST_REASONS).nullable(),
  satisfactionScore: z.number().nullable(),
  officerId: z.number().nullable(),
  source: z.enum(CASE_SOURCES),
  closedAt: dateTime.nullable(),
  createdBy: z.number().nullable(),
  version: z.number().int(),
  createdAt: dateTime,
  updatedAt: dateTime,
  openedAt: dateTime.nullable(),
  closed: z.boolean(),
  requests: z.array(z.object({ id: z.number().int(), companyName: z.string(), criteria: matchRequestSchema, createdAt: dateTime })),
  events: z.array(caseEvent),
  sites: z.array(caseSite),
  checklist: z.array(checklistEntry),
});
export type CaseDetail = z.output<typeof caseDetail>;

const theCase = (status: number, description: string) => ({
  [status]: { description: `${description}: the whole case (fields, requests, events, sites, checklist); ETag header = version`, content: json(caseDetail) },
});
const caseId = { params: idParams('id') };
const staffErrors = [400, 401, 403, 404];
const tags = ['cases'];

export const casesEndpoints: Endpoint[] = [
  {
    method: 'get', path: '/api/cases', tags, summary: 'List cases (business, admin)', operationId: 'listCases',
    request: { query: listCasesQuery }, responses: { 200: { description: '{ cases: [...] }', content: json(z.object({ cases: z.array(caseSummary) })) } },
    errors: [400, 401, 403],
  },
  {
    method: 'post', path: '/api/cases', tags, summary: 'Open a case in first_contact, optionally from saved requests', operationId: 'createCase',
    request: { body: { schema: createCaseBody } }, responses: theCase(201, 'Created'), errors: [400, 401, 403],
  },
  { method: 'get', path: '/api/cases/{id}', tags, summary: 'One case with its timeline', operationId: 'getCase', request: caseId, responses: theCase(200, 'The case'), errors: staffErrors },
  {
    method: 'patch', path: '/api/cases/{id}', tags, summary: 'Edit company, contact, jobs or officer', operationId: 'patchCase',
    request: { ...caseId, headers: ifMatchHeader, body: { schema: patchCaseBody } }, responses: theCase(200, 'Updated'), errors: [...staffErrors, 409, 412, 428],
  },
  {
    method: 'post', path: '/api/cases/{id}/stage', tags, summary: 'Change the stage (rules above); satisfactionScore 1–10 may be given at close', operationId: 'changeCaseStage',
    request: { ...caseId, headers: ifMatchHeader, body: { schema: stageBody } }, responses: theCase(200, 'Moved'), errors: [...staffErrors, 409, 412, 428],
  },
  {
    method: 'post', path: '/api/cases/{id}/reopen', tags, summary: 'Reopen an established, lost or followed-up case to an active stage (note required)', operationId: 'reopenCase',
    request: { ...caseId, headers: ifMatchHeader, body: { schema: reopenBody } }, responses: theCase(200, 'Reopened'), errors: [...staffErrors, 409, 412, 428],
  },
  {
    method: 'post', path: '/api/cases/{id}/events', tags, summary: 'Add a note, call or meeting (occurredAt may be in the past, never the future)', operationId: 'addCaseEvent',
    request: { ...caseId, body: { schema: eventBody } }, responses: theCase(201, 'Recorded'), errors: [...staffErrors, 409],
  },
  {
    method: 'post', path: '/api/cases/{id}/requests', tags, summary: 'Link another saved request', operationId: 'linkCaseRequest',
    request: { ...caseId, body: { schema: linkRequestBody } }, responses: theCase(201, 'Linked'), errors: [...staffErrors, 409],
  },
  {
    method: 'post', path: '/api/cases/{id}/sites', tags, summary: 'Propose a land parcel or premises', operationId: 'proposeCaseSite',
    request: { ...caseId, body: { schema: proposeSiteBody } }, responses: theCase(201, 'Proposed'), errors: [...staffErrors, 409],
  },
  {
    method: 'put', path: '/api/cases/{id}/sites/{siteId}/response', tags, summary: "Record the company's response to a proposed site", operationId: 'setCaseSiteResponse',
    request: { params: idParams('id', 'siteId'), body: { schema: siteResponseBody } }, responses: theCase(200, 'Recorded'), errors: [...staffErrors, 409],
  },
  {
    method: 'put', path: '/api/cases/{id}/checklist/{itemId}', tags, summary: 'Tick or untick a checklist item', operationId: 'setCaseChecklistItem',
    request: { params: idParams('id', 'itemId'), body: { schema: checklistTickBody } }, responses: theCase(200, 'Updated'), errors: [...staffErrors, 409],
  },
  {
    method: 'get', path: '/api/checklist-items', tags, summary: 'The process bank of checklist items', operationId: 'listChecklistItems',
    responses: { 200: { description: '{ items }', content: json(z.object({ items: z.array(bankItem) })) } }, errors: [401, 403],
  },
  {
    method: 'post', path: '/api/checklist-items', tags, summary: 'Add a checklist item (admin)', operationId: 'createChecklistItem',
    request: { body: { schema: bankItemBody } }, responses: { 201: { description: 'The item', content: json(bankItem) } }, errors: [400, 401, 403],
  },
  {
    method: 'patch', path: '/api/checklist-items/{id}', tags, summary: 'Edit or deactivate a checklist item (admin)', operationId: 'patchChecklistItem',
    request: { ...caseId, headers: ifMatchHeader, body: { schema: bankItemPatch } }, responses: { 200: { description: 'The item', content: json(bankItem) } },
    errors: [...staffErrors, 412, 428],
  },
];
