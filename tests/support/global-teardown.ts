// Drops every database this run made, templates included.
import { onAdmin, dropDatabase, runPrefix } from './databases';

export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DATABASES) return;
  await onAdmin(async (c) => {
    const { rows } = await c.query('select datname from pg_database where datname like $1', [`${runPrefix()}%`]);
    for (const r of rows) await dropDatabase(c, r.datname);
  });
}
