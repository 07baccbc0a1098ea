// The contract (api/src/contract) declares these; re-exported so the component's imports stay short.
export { areasQuery, areaProperties, type AreasQuery, type AreaProperties } from '../contract';
