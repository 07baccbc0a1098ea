// The request schemas the fuzzer derives its arbitraries from, imported in one place (the
// contract work may move them: only this file then changes).
export { matchRequestSchema } from '../../api/src/matching/schema';
export { intakeBody } from '../../api/src/intake/schema';
export { saveRequestSchema, listRequestsQuery } from '../../api/src/requests/schema';
export { signupBody, loginBody, createAccountBody, updateAccountBody, listAccountsQuery } from '../../api/src/accounts/schema';
export { createTokenBody, changePasswordBody } from '../../api/src/auth/schema';
export { createCaseBody, patchCaseBody, stageBody, eventBody, proposeSiteBody, bankItemBody, listCasesQuery } from '../../api/src/cases/schema';
export { createLinkBody } from '../../api/src/pitch/schema';
export { premisesProperties, premisesQuery } from '../../api/src/premises/schema';
export { landProperties, landQuery } from '../../api/src/land/schema';
export { planZoneProperties, plansQuery } from '../../api/src/plans/schema';
export { areasQuery } from '../../api/src/areas/schema';
export { municipalitiesQuery } from '../../api/src/municipalities/schema';
export { readinessQuery, pipelineQuery, unmetDemandQuery } from '../../api/src/readiness/schema';
export { kpisQuery } from '../../api/src/kpis/schema';
