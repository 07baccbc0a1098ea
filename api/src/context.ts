import type { Config } from './config';
import type { Db } from './db/pool';
import type { Logger } from './logger';

/** What every component's routes are built from: no globals, so tests can make many apps. */
export interface AppContext {
  config: Config;
  db: Db;
  log: Logger;
}
