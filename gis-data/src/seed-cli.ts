// `npm run gis:seed [-- --if-empty]`: loads every shipped layer of gis-data/layers.
import { loadConfig } from '../../api/src/config';
import { createPool } from '../../api/src/db/pool';
import { LoadError } from '../../api/src/layers/load-error';
import { databaseIsEmpty, seedShippedLayers } from './seed';

async function main(): Promise<void> {
  const db = createPool(loadConfig().databaseUrl, 2);
  try {
    if (process.argv.includes('--if-empty') && !(await databaseIsEmpty(db))) {
      console.log('database already holds data: not seeding');
      return;
    }
    for (const s of await seedShippedLayers(db)) {
      console.log(`${s.layer}: ${s.features} features (${s.inserted} new, ${s.updated} updated)`);
    }
  } finally {
    await db.end();
  }
}

main().catch((err) => {
  console.error(err instanceof LoadError ? `seed failed, nothing loaded:\n${err.message}` : `seed failed: ${err.message}`);
  process.exit(1);
});
