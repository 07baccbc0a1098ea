// `npm run db:migrate`: applies pending migrations to DATABASE_URL.
import { loadConfig } from '../config';
import { createPool } from './pool';
import { migrate } from './migrate';

async function main(): Promise<void> {
  const db = createPool(loadConfig().databaseUrl, 1);
  try {
    const applied = await migrate(db);
    console.log(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await db.end();
  }
}

main().catch((err) => {
  console.error(`migration failed: ${err.message}`);
  process.exit(1);
});
