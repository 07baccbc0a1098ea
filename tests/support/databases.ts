import pg from 'pg';

/** The server the tests use; `npm test` sets it (DATABASE_URL's server, else the local one). */
export const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Every database the tests make starts with this, so teardown finds them all. */
export const TEST_DB_PREFIX = 'etablera_test_';
/** Migrated, no data. */
export const EMPTY_TEMPLATE = `${TEST_DB_PREFIX}tpl_empty`;
/** Migrated and seeded with the shipped gis-data. */
export const SEEDED_TEMPLATE = `${TEST_DB_PREFIX}tpl_seeded`;

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
