// The contract (api/src/contract) declares these; re-exported so the component's imports stay short.
export { municipalitiesQuery, municipalityProperties, type MunicipalitiesQuery, type MunicipalityProperties } from '../contract';
