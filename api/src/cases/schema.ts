// The contract (api/src/contract) declares these; re-exported so the component's imports stay short.
export { occurredAt, createCaseBody, patchCaseBody, stageBody, reopenBody, eventBody, linkRequestBody, SITE_RESPONSES, proposeSiteBody,
  siteResponseBody, checklistTickBody, listCasesQuery, bankItemBody, bankItemPatch, idParam, type CreateCaseBody, type PatchCaseBody, type StageBody } from '../contract';
