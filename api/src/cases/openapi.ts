import { z, type ZodType } from 'zod';
import { errorResponses } from '../openapi/shared';
import * as s from './schema';

const body = (schema: ZodType) => ({
  required: true,
  content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } },
});
const ifMatch = { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' }, description: 'the ETag ("<version>") last read' };
const idParam = (name = 'id') => ({ name, in: 'path', required: true, schema: { type: 'integer', minimum: 1 } });
const caseResponse = (status: number, description: string) => ({
  [status]: { description: `${description}: the whole case (fields, requests, events, sites, checklist); ETag header = version` },
});
const staffErrors = [400, 401, 403, 404];
const tags = ['cases'];

/**
 * OpenAPI paths of establishment cases. Stage rules: forward one stage or back freely;
 * a forward skip needs `note`; `lost` needs `lostReason`; `established` and `lost` are
 * closed (409 case_closed on any edit) until moved to `follow_up` or reopened.
 */
export function casesPaths(): Record<string, unknown> {
  return {
    '/api/cases': {
      get: {
        tags, summary: 'List cases (business, admin)', operationId: 'listCases',
        parameters: ['stage', 'officerId', 'q'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
        responses: { 200: { description: '{ cases: [...] }' }, ...errorResponses(400, 401, 403) },
      },
      post: {
        tags, summary: 'Open a case in first_contact, optionally from saved requests', operationId: 'createCase',
        requestBody: body(s.createCaseBody),
        responses: { ...caseResponse(201, 'Created'), ...errorResponses(400, 401, 403) },
      },
    },
    '/api/cases/{id}': {
      get: { tags, summary: 'One case with its timeline', operationId: 'getCase', parameters: [idParam()], responses: { ...caseResponse(200, 'The case'), ...errorResponses(...staffErrors) } },
      patch: {
        tags, summary: 'Edit company, contact, jobs or officer', operationId: 'patchCase', parameters: [idParam(), ifMatch],
        requestBody: body(s.patchCaseBody),
        responses: { ...caseResponse(200, 'Updated'), ...errorResponses(...staffErrors, 409, 412, 428) },
      },
    },
    '/api/cases/{id}/stage': {
      post: {
        tags, summary: 'Change the stage (rules above); satisfactionScore 1–10 may be given at close', operationId: 'changeCaseStage',
        parameters: [idParam(), ifMatch], requestBody: body(s.stageBody),
        responses: { ...caseResponse(200, 'Moved'), ...errorResponses(...staffErrors, 409, 412, 428) },
      },
    },
    '/api/cases/{id}/reopen': {
      post: {
        tags, summary: 'Reopen an established, lost or followed-up case to an active stage (note required)', operationId: 'reopenCase',
        parameters: [idParam(), ifMatch], requestBody: body(s.reopenBody),
        responses: { ...caseResponse(200, 'Reopened'), ...errorResponses(...staffErrors, 409, 412, 428) },
      },
    },
    '/api/cases/{id}/events': {
      post: {
        tags, summary: 'Add a note, call or meeting (occurredAt may be in the past, never the future)', operationId: 'addCaseEvent',
        parameters: [idParam()], requestBody: body(s.eventBody),
        responses: { ...caseResponse(201, 'Recorded'), ...errorResponses(...staffErrors, 409) },
      },
    },
    '/api/cases/{id}/requests': {
      post: {
        tags, summary: 'Link another saved request', operationId: 'linkCaseRequest', parameters: [idParam()], requestBody: body(s.linkRequestBody),
        responses: { ...caseResponse(201, 'Linked'), ...errorResponses(...staffErrors, 409) },
      },
    },
    '/api/cases/{id}/sites': {
      post: {
        tags, summary: 'Propose a land parcel or premises', operationId: 'proposeCaseSite', parameters: [idParam()], requestBody: body(s.proposeSiteBody),
        responses: { ...caseResponse(201, 'Proposed'), ...errorResponses(...staffErrors, 409) },
      },
    },
    '/api/cases/{id}/sites/{siteId}/response': {
      put: {
        tags, summary: "Record the company's response to a proposed site", operationId: 'setCaseSiteResponse',
        parameters: [idParam(), idParam('siteId')], requestBody: body(s.siteResponseBody),
        responses: { ...caseResponse(200, 'Recorded'), ...errorResponses(...staffErrors, 409) },
      },
    },
    '/api/cases/{id}/checklist/{itemId}': {
      put: {
        tags, summary: 'Tick or untick a checklist item', operationId: 'setCaseChecklistItem',
        parameters: [idParam(), idParam('itemId')], requestBody: body(s.checklistTickBody),
        responses: { ...caseResponse(200, 'Updated'), ...errorResponses(...staffErrors, 409) },
      },
    },
    '/api/checklist-items': {
      get: { tags, summary: 'The process bank of checklist items', operationId: 'listChecklistItems', responses: { 200: { description: '{ items }' }, ...errorResponses(401, 403) } },
      post: {
        tags, summary: 'Add a checklist item (admin)', operationId: 'createChecklistItem', requestBody: body(s.bankItemBody),
        responses: { 201: { description: 'The item' }, ...errorResponses(400, 401, 403) },
      },
    },
    '/api/checklist-items/{id}': {
      patch: {
        tags, summary: 'Edit or deactivate a checklist item (admin)', operationId: 'patchChecklistItem', parameters: [idParam(), ifMatch],
        requestBody: body(s.bankItemPatch), responses: { 200: { description: 'The item' }, ...errorResponses(...staffErrors, 412, 428) },
      },
    },
  };
}
