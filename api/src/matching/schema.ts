// The contract (api/src/contract) declares these; re-exported so the component's imports stay short.
export { CRITERIA, DEFAULT_WEIGHTS, EXCLUSION_REASONS, NEEDS, DEFAULT_STATION_MODES, MAX_LIMIT, matchRequestSchema,
  type Criterion, type ExclusionReason, type MatchRequest, type MatchRequestInput, type CriterionScore, type TransitInfo, type MatchResult, type MatchResponse } from '../contract';
