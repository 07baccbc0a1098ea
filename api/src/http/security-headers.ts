import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../config';

/** The origin (scheme://host[:port]) of the configured external basemap style, if any. */
export function basemapOrigin(config: Pick<Config, 'basemapStyleUrl'>): string | undefined {
  return config.basemapStyleUrl ? new URL(config.basemapStyleUrl).origin : undefined;
}

/** Powerful browser features no page of Etablera uses: denied to the pages and anything they embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()', 'camera=()', 'display-capture=()', 'geolocation=()', 'gyroscope=()', 'magnetometer=()',
  'microphone=()', 'midi=()', 'payment=()', 'usb=()', 'serial=()', 'hid=()', 'bluetooth=()', 'browsing-topics=()',
].join(', ');

/**
 * Helmet with a CSP that allows nothing external but the configured basemap's own origin (no
 * `https:` wildcard), no inline styles (MapLibre sets styles through the CSSOM, which CSP
 * allows; its stylesheet is a file), Permissions-Policy, and HSTS only where it means
 * something: over HTTPS (behind the TLS proxy of TRUST_PROXY, req.secure). Sent over plain
 * HTTP, HSTS is ignored by browsers and tells a scanner the set-up is misunderstood.
 */
export function securityHeaders(config: Pick<Config, 'basemapStyleUrl'>): RequestHandler[] {
  const basemap = basemapOrigin(config);
  const external = basemap ? [basemap] : [];
  const hsts = helmet.strictTransportSecurity({ maxAge: 31_536_000, includeSubDomains: true });
  return [
    helmet({
      contentSecurityPolicy: {
        directives: {
          // MapLibre runs its workers from blob: URLs.
          'worker-src': ["'self'", 'blob:'],
          'child-src': ["'self'", 'blob:'],
          'img-src': ["'self'", 'data:', 'blob:', ...external],
          'connect-src': ["'self'", ...external],
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'font-src': ["'self'", ...external],
          'upgrade-insecure-requests': null,
        },
      },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: false,
    }),
    (req, res, next) => {
      res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
      if (req.secure) return hsts(req, res, next);
      next();
    },
  ];
}
