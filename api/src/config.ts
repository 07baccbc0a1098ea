import path from 'node:path';
import { z } from 'zod';

const repoRoot = path.resolve(__dirname, '../..');

/**
 * The one typed configuration, read from the environment and checked at start-up.
 * Each key: its environment variable, default and what it is for.
 */
const schema = z.object({
  /** DATABASE_URL: the PostGIS database. */
  databaseUrl: z.string().url().default('postgres://postgres@127.0.0.1:5432/etablera'),
  /** PORT: HTTP port of API and map. */
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  /** LOG_LEVEL: pino level; tests use silent. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** LOG_FILE: append the JSON log lines to this file instead of stdout (tests capture a run's logs with it). */
  logFile: z.string().min(1).optional(),
  /** CLIENT_DIST: the built map client served at `/`. */
  clientDist: z.string().default(path.join(repoRoot, 'map-client', 'dist')),
  /** BASEMAP_STYLE_URL: optional external MapLibre style for deployments with internet. */
  basemapStyleUrl: z.string().url().optional(),
  /** PREMISES_STALE_AFTER_DAYS: unconfirmed listings leave the matching after this many days. */
  premisesStaleAfterDays: z.coerce.number().int().min(1).default(90),
  /** PLAN_STUCK_AFTER_DAYS: readiness pipeline flags a plan unchanged in an open status this long. */
  planStuckAfterDays: z.coerce.number().int().min(1).default(365),
  /**
   * TRUST_PROXY: set (true) behind one TLS-terminating proxy so Secure cookies and client IPs
   * work. Express then trusts exactly one hop (1), so a client cannot pick its own address for
   * the login limiter with a forged X-Forwarded-For; "false" means false (hence stringbool).
   */
  trustProxy: z.stringbool().default(false).transform((on): number | false => (on ? 1 : false)),
  /** CHROMIUM_PATH: the headless Chromium that prints pitch PDFs (Debian's by default). */
  chromiumPath: z.string().min(1).default('/usr/bin/chromium'),
  /** SESSION_TTL_HOURS: a sign-in session lasts this long. */
  sessionTtlHours: z.coerce.number().positive().max(24 * 30).default(12),
  /** LOGIN_ATTEMPTS_PER_15_MIN: failed sign-ins allowed per client address per 15 minutes. */
  loginAttemptsPer15Min: z.coerce.number().int().min(1).default(10),
  /** MAX_VERTICES_PER_FEATURE: positions one geometry may have through the API (400 beyond; bounds time and memory). */
  maxVerticesPerFeature: z.coerce.number().int().min(5).max(1_000_000).default(10_000),
  /**
   * OGC_IF_MATCH: `required` (default) — /ogc writes need If-Match like the JSON API (428
   * without); `optional` — a write without If-Match applies to the current version (last
   * writer wins, still audited), for desktop GIS clients such as QGIS that send no If-Match.
   * A stale If-Match is a 412 either way.
   */
  ogcIfMatch: z.enum(['required', 'optional']).default('required'),
  /** ETABLERA_ADMIN_EMAIL + ETABLERA_ADMIN_PASSWORD: the first admin, created at start-up when none exists. */
  adminEmail: z.string().email().optional(),
  adminPassword: z.string().min(10, 'ETABLERA_ADMIN_PASSWORD must be at least 10 characters').optional(),
});

export type Config = z.infer<typeof schema>;

/** Reads the configuration; throws a message naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = schema.safeParse({
    databaseUrl: env.DATABASE_URL,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    logFile: env.LOG_FILE || undefined,
    clientDist: env.CLIENT_DIST,
    basemapStyleUrl: env.BASEMAP_STYLE_URL || undefined,
    premisesStaleAfterDays: env.PREMISES_STALE_AFTER_DAYS,
    planStuckAfterDays: env.PLAN_STUCK_AFTER_DAYS,
    trustProxy: env.TRUST_PROXY,
    chromiumPath: env.CHROMIUM_PATH || undefined,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    loginAttemptsPer15Min: env.LOGIN_ATTEMPTS_PER_15_MIN,
    maxVerticesPerFeature: env.MAX_VERTICES_PER_FEATURE,
    ogcIfMatch: env.OGC_IF_MATCH || undefined,
    adminEmail: env.ETABLERA_ADMIN_EMAIL || undefined,
    adminPassword: env.ETABLERA_ADMIN_PASSWORD || undefined,
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${issues}`);
  }
  return { ...parsed.data, ...overrides };
}
