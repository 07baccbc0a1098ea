// The readiness API's answers as the planner view reads them (docs/design.md, Readiness).
import { fetchJson } from '../shared/api';

export interface Figures {
  readyHa: number;
  inProgressHa: Record<string, number>;
  vacantPremisesM2: number;
  grossFloorAreaM2: number | null;
  remainingBuildingRightsM2: number | null;
}
export interface Readiness {
  rows: Array<Figures & { areaRef: string; use: string }>;
  municipality: Array<Figures & { use: string }>;
  illustrative: boolean;
}
export interface PipelinePlan {
  planId: string;
  name: string;
  status: string;
  year: string;
  legalForceDate: string | null;
  expectedLegalForceDate: string | null;
  implementationEndDate: string | null;
  statusChangedAt: string | null;
  daysInStatus: number | null;
  implementationEndsSoon: boolean;
  stuck: boolean;
  areaRefs: string[];
  illustrative: boolean;
}
export interface Pipeline {
  today: string;
  stuckAfterDays: number;
  implementationWindowYears: number;
  plans: PipelinePlan[];
  implementationEndingSoon: PipelinePlan[];
  stuck: PipelinePlan[];
  illustrative: boolean;
}
export interface UnmetRow {
  use: string;
  sizeBand: string;
  areaRef: string | null;
  requests: number;
  reasons: Record<string, number>;
  totalRequests: number;
  dominantReason: string | null;
  summary: { sv: string; en: string };
  onceInForce: { requests: number; hectares: number };
}
export interface UnmetDemand {
  rows: UnmetRow[];
}

export const fetchReadiness = () => fetchJson<Readiness>('/api/readiness');
export const fetchPipeline = () => fetchJson<Pipeline>('/api/readiness/pipeline');
export const fetchUnmetDemand = () => fetchJson<UnmetDemand>('/api/readiness/unmet-demand');

/** Sum of the in-progress hectares over all years. */
export const inProgressTotal = (f: Figures) => Object.values(f.inProgressHa).reduce((a, b) => a + b, 0);
