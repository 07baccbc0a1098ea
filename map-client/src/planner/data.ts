// The readiness API's answers as the planner view reads them: the contract's types.
import type { Figures, PipelineResponse, ReadinessResponse, UnmetDemandResponse } from '@etablera/contract';
import { fetchJson } from '../shared/api';

export type { Figures, PipelinePlan, PipelineResponse, ReadinessResponse, UnmetDemandResponse, UnmetRow } from '@etablera/contract';

export const fetchReadiness = () => fetchJson<ReadinessResponse>('/api/readiness');
export const fetchPipeline = () => fetchJson<PipelineResponse>('/api/readiness/pipeline');
export const fetchUnmetDemand = () => fetchJson<UnmetDemandResponse>('/api/readiness/unmet-demand');

/** Sum of the in-progress hectares over all years. */
export const inProgressTotal = (f: Figures) => Object.values(f.inProgressHa).reduce((a, b) => a + b, 0);
