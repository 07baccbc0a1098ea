// The enumerations live in the contract (api/src/contract/enums.ts); re-exported for the layers' SQL parameters.
export {
  OWNER_TYPES, LAND_STATUSES, PLAN_STATUSES, IN_PROGRESS_PLAN_STATUSES, PREMISES_KINDS, PREMISES_STATUSES, STOP_MODES, MATCH_USES, USE_CODE_LETTERS,
  type MatchUse, type PlanStatus,
} from '../contract/enums';
