import { Router } from 'express';
import { reader, type AppContext } from './context';
import { healthRoutes } from './health/routes';
import { areasRoutes } from './areas/routes';
import { landRoutes } from './land/routes';
import { plansRoutes } from './plans/routes';
import { planDocumentRoutes } from './plans/national/routes';
import { premisesRoutes } from './premises/routes';
import { stopsRoutes } from './transit/routes';
import { municipalitiesRoutes } from './municipalities/routes';
import { openapiRoutes } from './openapi/routes';
import { matchingRoutes } from './matching/routes';
import { requestsRoutes } from './requests/routes';
import { authRoutes } from './auth/routes';
import { auditRoutes } from './audit/routes';
import { accountsRoutes } from './accounts/routes';
import { premisesWriteRoutes } from './premises/write-routes';
import { plansWriteRoutes } from './plans/write-routes';
import { landWriteRoutes } from './land/write-routes';
import { readinessRoutes } from './readiness/routes';
import { casesRoutes } from './cases/routes';
import { kpisRoutes } from './kpis/routes';
import { pitchRoutes } from './pitch/routes';
import { intakeRoutes } from './intake/routes';
import { gdprRoutes } from './gdpr/routes';
import { exportRoutes } from './export/routes';

/** Every component's routes under /api. A new component adds one line here. */
export function apiRoutes(ctx: AppContext): Router {
  const api = Router();
  api.use(authRoutes(ctx)); // first: it sets req.user for every route after it
  api.use(healthRoutes(ctx));
  api.use(openapiRoutes(ctx));
  // Layer reads may come from the read replica (DATABASE_READ_URL); writes never do.
  api.use(areasRoutes(reader(ctx)));
  api.use(landRoutes(reader(ctx)));
  api.use(plansRoutes(reader(ctx)));
  api.use(planDocumentRoutes(ctx.db));
  api.use(premisesRoutes(reader(ctx), ctx.config.premisesStaleAfterDays));
  api.use(stopsRoutes(reader(ctx)));
  api.use(municipalitiesRoutes(reader(ctx)));
  api.use(auditRoutes(ctx));
  api.use(accountsRoutes(ctx));
  api.use(premisesWriteRoutes(ctx));
  api.use(plansWriteRoutes(ctx));
  api.use(landWriteRoutes(ctx));
  api.use(matchingRoutes(ctx));
  api.use(requestsRoutes(ctx));
  api.use(readinessRoutes(ctx));
  api.use(casesRoutes(ctx));
  api.use(kpisRoutes(ctx));
  api.use(pitchRoutes(ctx));
  api.use(intakeRoutes(ctx));
  api.use(gdprRoutes(ctx));
  api.use(exportRoutes(ctx));
  return api;
}
