import express, { type Express } from 'express';
import helmet from 'helmet';
import pinoHttp from 'pino-http';
import type { AppContext } from './context';
import { apiRoutes } from './routes';
import { clientRoutes } from './client/static';
import { tilesRoutes } from './tiles/routes';
import { apiNotFound, errorMiddleware } from './errors/middleware';
import { requestDeadline } from './http/deadline';
import { sameOriginGuard } from './auth/same-origin';

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
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // MapLibre runs its workers from blob: URLs; an optional external basemap needs https.
          'worker-src': ["'self'", 'blob:'],
          'child-src': ["'self'", 'blob:'],
          'img-src': ["'self'", 'data:', 'blob:', 'https:'],
          'connect-src': ["'self'", 'https:'],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'upgrade-insecure-requests': null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(pinoHttp({ logger: ctx.log, autoLogging: { ignore: (req) => req.url === '/api/health' } }));
  // Before any route (also /tiles and /ogc): no state change from another site's page.
  app.use(sameOriginGuard(ctx.config.allowedOrigins));
  app.use(express.json({ limit: '2mb', type: ['application/json', 'application/geo+json'] }));
  app.use('/api', apiRoutes(ctx));
  app.use('/api', apiNotFound);
  app.use(tilesRoutes(ctx));
  app.use(clientRoutes(ctx));
  app.use(errorMiddleware(ctx.log));
  return app;
}
