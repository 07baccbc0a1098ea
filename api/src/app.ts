import express, { type Express } from 'express';
import pinoHttp from 'pino-http';
import type { AppContext } from './context';
import { requestForLog, responseForLog } from './logger';
import { apiRoutes } from './routes';
import { clientRoutes } from './client/static';
import { tileRevalidation, tilesRoutes } from './tiles/routes';
import { ogcRoutes } from './ogc/routes';
import { apiNotFound, errorMiddleware } from './errors/middleware';
import { requestDeadline } from './http/deadline';
import { sameOriginGuard } from './auth/same-origin';
import { inputGuard } from './http/input-guard';
import { securityHeaders } from './http/security-headers';

/**
 * The Express app, without listening: tests use it directly with supertest.
 * Example: `request(createApp(ctx)).get('/api/health')`.
 */
export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.trustProxy);
  app.set('query parser', 'simple');
  // First: every request, whatever it waits on, is answered within the deadline.
  app.use(requestDeadline(ctx.config.requestDeadlineMs));
  // Read by parseFeature before anything walks an incoming geometry.
  app.locals.maxVerticesPerFeature = ctx.config.maxVerticesPerFeature;
  app.use(securityHeaders(ctx.config));
  // A tile revalidation with a current ETag: 304 from memory, before the logger (tiles/routes.ts).
  app.use(tileRevalidation(ctx));
  app.use(
    pinoHttp({
      logger: ctx.log,
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      // No cookie, Authorization, Set-Cookie, pitch token or body in any line (logger.ts).
      serializers: { req: requestForLog, res: responseForLog },
    }),
  );
  // Before any route (also /tiles and /ogc): no state change from another site's page.
  app.use(sameOriginGuard(ctx.config.allowedOrigins));
  app.use(express.json({ limit: '2mb', type: ['application/json', 'application/geo+json'] }));
  app.use(inputGuard);
  app.use('/api', apiRoutes(ctx));
  app.use('/api', apiNotFound);
  app.use('/ogc', ogcRoutes(ctx));
  app.use('/ogc', apiNotFound);
  app.use(tilesRoutes(ctx));
  app.use(clientRoutes(ctx));
  // Anything else (a tile path with a malformed escape, a missing page) answers in the same format.
  app.use(apiNotFound);
  app.use(errorMiddleware(ctx.log));
  return app;
}
