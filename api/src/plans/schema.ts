// The contract (api/src/contract) declares these; re-exported so the component's imports stay short.
export { plansQuery, planZoneProperties, PLAN_LEVEL_FIELDS, type PlansQuery, type PlanZoneProperties } from '../contract';
