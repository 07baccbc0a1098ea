/**
 * The API's contract: enums, request and response schemas of every endpoint, the types
 * inferred from them, and the rules the client checks live. Framework-free (zod only), so
 * the server and every client page import the same file. README.md has the recipes.
 */
import './zod-config'; // first: before any schema exists
import type { Endpoint } from './endpoint';
import { layerEndpoints } from './layers';
import { matchingEndpoints } from './matching';
import { requestsEndpoints } from './requests';
import { readinessEndpoints } from './readiness';
import { casesEndpoints } from './cases';
import { kpisEndpoints } from './kpis';
import { pitchEndpoints } from './pitch';
import { intakeEndpoints } from './intake';
import { accountsEndpoints } from './accounts';
import { tilesEndpoints } from './tiles';
import { serviceEndpoints } from './service';
import { exportEndpoints } from './export';

export * from './enums';
export * from './rules';
export * from './common';
export * from './endpoint';
export * from './layers';
export * from './matching';
export * from './requests';
export * from './readiness';
export * from './cases';
export * from './kpis';
export * from './pitch';
export * from './intake';
export * from './accounts';
export * from './tiles';
export * from './service';
export * from './export';

/** Every endpoint of the API; the OpenAPI document is generated from this list. */
export const ENDPOINTS: Endpoint[] = [
  ...serviceEndpoints,
  ...layerEndpoints,
  ...matchingEndpoints,
  ...requestsEndpoints,
  ...tilesEndpoints,
  ...readinessEndpoints,
  ...casesEndpoints,
  ...kpisEndpoints,
  ...pitchEndpoints,
  ...intakeEndpoints,
  ...exportEndpoints,
  ...accountsEndpoints,
];
