import pg from 'pg';

/** The server the tests use; `npm test` sets it (DATABASE_URL's server, else the local one). */
export const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Every database the tests make starts with this. */
export const TEST_DB_PREFIX = 'etablera_test_';
/**
 * One jest run's databases carry the run's id — its start time (base 36) and process id —
 * so concurrent runs (two shells, a watch mode, another container) never drop each other's.
 * globalSetup sets it; workers inherit it.
 */
export const newRunId = () => `${Date.now().toString(36)}_${process.pid}`;
export const runPrefix = (run = process.env.ETABLERA_TEST_RUN ?? newRunId()) => `${TEST_DB_PREFIX}${run}_`;
/** Migrated, no data. */
export const emptyTemplate = () => `${runPrefix()}tpl_empty`;
/** Migrated and seeded with the shipped gis-data. */
export const seededTemplate = () => `${runPrefix()}tpl_seeded`;

// No test run lasts this long; a database older than that was left by a crashed run.
const LEFTOVER_AFTER_MS = 6 * 60 * 60 * 1000;

/** True for a test database of a run that started long ago (process ids cannot tell: other containers). */
export function isLeftover(datname: string): boolean {
  const started = parseInt(/^etablera_test_([0-9a-z]+)_/.exec(datname)?.[1] ?? '', 36);
  return !Number.isFinite(started) || Date.now() - started > LEFTOVER_AFTER_MS;
}

export function urlFor(database: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs statements on the admin database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function onAdmin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

export const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

export async function dropDatabase(c: pg.Client, name: string): Promise<void> {
  await c.query(`drop database if exists ${quoteIdent(name)} with (force)`);
}
