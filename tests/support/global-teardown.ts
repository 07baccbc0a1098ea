// Drops every database the run made, templates included.
import { onAdmin, dropDatabase, TEST_DB_PREFIX } from './databases';

export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DATABASES) return;
  await onAdmin(async (c) => {
    const { rows } = await c.query('select datname from pg_database where datname like $1', [`${TEST_DB_PREFIX}%`]);
    for (const r of rows) await dropDatabase(c, r.datname);
  });
}
