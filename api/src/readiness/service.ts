// The readiness component's entry point for routes and other components.
export { readiness, MUNICIPALITY_CODE, type Readiness, type AreaFigures, type MunicipalityFigures } from './figures';
export { pipeline, IMPLEMENTATION_WINDOW_YEARS, type Pipeline, type PipelinePlan } from './pipeline';
export { unmetDemand, type UnmetDemand, type UnmetRow } from './unmet-demand';
export { SIZE_BANDS, sizeBand } from './demand-summary';
