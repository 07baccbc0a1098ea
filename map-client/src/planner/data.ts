// The readiness API's answers as the planner view reads them: the contract's types.
import type { Figures, PipelineResponse, ReadinessResponse, UnmetDemandResponse } from '@etablera/contract';
import { fetchJson } from '../shared/api';

export type { Figures, PipelinePlan, UnmetRow } from '@etablera/contract';
export type Readiness = ReadinessResponse;
export type Pipeline = PipelineResponse;
export type UnmetDemand = UnmetDemandResponse;

export const fetchReadiness = () => fetchJson<Readiness>('/api/readiness');
export const fetchPipeline = () => fetchJson<Pipeline>('/api/readiness/pipeline');
export const fetchUnmetDemand = () => fetchJson<UnmetDemand>('/api/readiness/unmet-demand');

/** Sum of the in-progress hectares over all years. */
export const inProgressTotal = (f: Figures) => Object.values(f.inProgressHa).reduce((a, b) => a + b, 0);
