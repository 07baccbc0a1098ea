// The contract (api/src/contract) declares these; re-exported so the component's imports stay short.
export { premisesQuery, premisesProperties, type PremisesQuery, type PremisesProperties } from '../contract';
