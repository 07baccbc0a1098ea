import pg from 'pg';

/** The server the tests use; `npm test` sets it (DATABASE_URL's server, else the local one). */
export const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Every database the tests make starts with this. */
export const TEST_DB_PREFIX = 'etablera_test_';
/**
 * One jest run's databases carry the run's process id, so concurrent runs (two developers'
 * shells, a watch mode) never drop each other's. globalSetup sets it; workers inherit it.
 */
export const runPrefix = (pid = process.env.ETABLERA_TEST_RUN ?? String(process.pid)) => `${TEST_DB_PREFIX}${pid}_`;
/** Migrated, no data. */
export const emptyTemplate = () => `${runPrefix()}tpl_empty`;
/** Migrated and seeded with the shipped gis-data. */
export const seededTemplate = () => `${runPrefix()}tpl_seeded`;

/** The pid in a test database's name, when its run is over (crashed runs leave them behind). */
export function isLeftover(datname: string): boolean {
  const pid = Number(/^etablera_test_(\d+)_/.exec(datname)?.[1]);
  if (!pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
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
