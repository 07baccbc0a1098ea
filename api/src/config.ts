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
  /**
   * DATABASE_READ_URL: optional read replica (a streaming standby of DATABASE_URL) for
   * read-only work: layers, tiles, match, readiness. Writes, and reads that must see a write
   * just made, stay on DATABASE_URL (docs/scaling.md).
   */
  databaseReadUrl: z.string().url().optional(),
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
  /** LOGIN_ATTEMPTS_PER_15_MIN: failed sign-ins allowed per client address, and per account, per 15 minutes. */
  loginAttemptsPer15Min: z.coerce.number().int().min(1).default(10),
  /** SIGNUPS_PER_HOUR: owner sign-ups accepted per client address per hour (successful ones count too). */
  signupsPerHour: z.coerce.number().int().min(1).default(5),
  /** INTAKE_PER_HOUR: public intake forms accepted per client address per hour. */
  intakePerHour: z.coerce.number().int().min(1).default(10),
  /** UNMET_DEMAND_PER_MINUTE: GET /api/readiness/unmet-demand calls per client address per minute. */
  unmetDemandPerMinute: z.coerce.number().int().min(1).default(30),
  /** DB_POOL_SIZE: connections the service keeps to DATABASE_URL. */
  dbPoolSize: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * DB_STATEMENT_TIMEOUT_MS: PostgreSQL statement_timeout of the service's connections. Every
   * query here is interactive, so 5 s is far above the slowest (readiness, ~1 s) and still
   * inside the request deadline.
   */
  dbStatementTimeoutMs: z.coerce.number().int().min(100).default(5000),
  /** DB_LOCK_TIMEOUT_MS: lock_timeout: a statement waiting this long on a lock (a table locked by a migration or an admin) gives up. */
  dbLockTimeoutMs: z.coerce.number().int().min(50).default(2000),
  /** DB_CONNECTION_TIMEOUT_MS: how long a request waits for a free pool connection (or a new one) before 503. */
  dbConnectionTimeoutMs: z.coerce.number().int().min(50).default(3000),
  /** REQUEST_DEADLINE_MS: an API request not answered in this time gets 503 + Retry-After. */
  requestDeadlineMs: z.coerce.number().int().min(100).default(10000),
  /** HEALTH_TIMEOUT_MS: /api/health reports the database slow when it has not answered in this time (half the promised 1 s: the rest is slack for a busy event loop). */
  healthTimeoutMs: z.coerce.number().int().min(50).max(5000).default(500),
  /** SHUTDOWN_GRACE_MS: on SIGTERM, in-flight requests get this long to finish before connections are cut. */
  shutdownGraceMs: z.coerce.number().int().min(0).default(10000),
  /**
   * ALLOWED_ORIGINS: comma-separated origins (https://kommun.example) besides the service's own
   * host whose pages may send cookie-authenticated changes; empty = own host only.
   */
  allowedOrigins: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim().replace(/\/+$/, '').toLowerCase()).filter(Boolean)),
  /** RETENTION_CLOSED_CASE_MONTHS: a case closed (established, lost) this long ago is erased by `npm run gdpr:retention`. */
  retentionClosedCaseMonths: z.coerce.number().int().min(1).default(36),
  /** RETENTION_REQUEST_MONTHS: a saved request not linked to an open case and untouched this long is erased. */
  retentionRequestMonths: z.coerce.number().int().min(1).default(24),
  /** RETENTION_INTAKE_CONTACT_MONTHS: contact details sent through intake are blanked this long after their case closed, or after arrival when no case was opened. */
  retentionIntakeContactMonths: z.coerce.number().int().min(1).default(12),
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
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
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
    signupsPerHour: env.SIGNUPS_PER_HOUR,
    intakePerHour: env.INTAKE_PER_HOUR,
    unmetDemandPerMinute: env.UNMET_DEMAND_PER_MINUTE,
    dbPoolSize: env.DB_POOL_SIZE,
    dbStatementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    dbLockTimeoutMs: env.DB_LOCK_TIMEOUT_MS,
    dbConnectionTimeoutMs: env.DB_CONNECTION_TIMEOUT_MS,
    requestDeadlineMs: env.REQUEST_DEADLINE_MS,
    healthTimeoutMs: env.HEALTH_TIMEOUT_MS,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    allowedOrigins: env.ALLOWED_ORIGINS,
    retentionClosedCaseMonths: env.RETENTION_CLOSED_CASE_MONTHS,
    retentionRequestMonths: env.RETENTION_REQUEST_MONTHS,
    retentionIntakeContactMonths: env.RETENTION_INTAKE_CONTACT_MONTHS,
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
