// The request schemas the fuzzer derives its arbitraries from: the API's contract
// (api/src/contract), the one place they are declared.
export {
  matchRequestSchema, intakeBody, saveRequestSchema, listRequestsQuery,
  signupBody, loginBody, createAccountBody, updateAccountBody, listAccountsQuery, createTokenBody, changePasswordBody,
  createCaseBody, patchCaseBody, stageBody, eventBody, proposeSiteBody, bankItemBody, listCasesQuery, createLinkBody,
  premisesProperties, premisesQuery, landProperties, landQuery, planZoneProperties, plansQuery, areasQuery, municipalitiesQuery,
  readinessQuery, pipelineQuery, unmetDemandQuery, kpisQuery,
} from '../../api/src/contract';
