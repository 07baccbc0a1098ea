// Once per `jest` run: two template databases that every test file clones in milliseconds.
import path from 'node:path';
import { createPool } from '../../api/src/db/pool';
import { migrate } from '../../api/src/db/migrate';
import { seedShippedLayers } from '../../gis-data/src/seed';
import { onAdmin, dropDatabase, quoteIdent, urlFor, emptyTemplate, seededTemplate, isLeftover, newRunId, TEST_DB_PREFIX } from './databases';

export default async function globalSetup(): Promise<void> {
  process.env.LOG_LEVEL = 'silent';
  process.env.ETABLERA_TEST_RUN = newRunId();
  // Log capture (log-capture.ts) writes relative to the repository, wherever jest was started from.
  if (process.env.LOG_CAPTURE) process.env.LOG_CAPTURE = path.resolve(__dirname, '../..', process.env.LOG_CAPTURE);
  const EMPTY_TEMPLATE = emptyTemplate();
  const SEEDED_TEMPLATE = seededTemplate();
  await onAdmin(async (c) => {
    const { rows } = await c.query('select datname from pg_database where datname like $1', [`${TEST_DB_PREFIX}%`]);
    for (const r of rows) if (isLeftover(r.datname)) await dropDatabase(c, r.datname);
    await c.query(`create database ${quoteIdent(EMPTY_TEMPLATE)}`);
  });
  const empty = createPool(urlFor(EMPTY_TEMPLATE), 1);
  try {
    await migrate(empty);
  } finally {
    await empty.end();
  }
  await onAdmin((c) => c.query(`create database ${quoteIdent(SEEDED_TEMPLATE)} template ${quoteIdent(EMPTY_TEMPLATE)}`));
  const seeded = createPool(urlFor(SEEDED_TEMPLATE), 1);
  try {
    await seedShippedLayers(seeded);
  } finally {
    await seeded.end();
  }
}
