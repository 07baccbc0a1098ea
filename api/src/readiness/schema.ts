// The contract (api/src/contract) declares these; re-exported so the component's imports stay short.
export { readinessQuery, pipelineQuery, unmetDemandQuery, type ReadinessQuery, type PipelineQuery, type UnmetDemandQuery, type OutputOptions } from '../contract';
