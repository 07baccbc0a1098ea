// The contract (api/src/contract) declares these; re-exported so the component's imports stay short.
export { landQuery, landProperties, landWriteProperties, type LandQuery, type LandProperties, type LandWriteProperties } from '../contract';
