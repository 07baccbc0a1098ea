import type { Config } from './config';
import type { Db } from './db/pool';
import type { Logger } from './logger';

/** What every component's routes are built from: no globals, so tests can make many apps. */
export interface AppContext {
  config: Config;
  db: Db;
  /** DATABASE_READ_URL's pool (a replica) for read-only work; absent: `db` serves reads too. */
  readDb?: Db;
  log: Logger;
}

/** The pool for read-only work that may lag a write by the replica's delay (docs/scaling.md). */
export const reader = (ctx: AppContext): Db => ctx.readDb ?? ctx.db;
