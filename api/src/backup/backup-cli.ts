// `npm run db:backup -- <file>` / `npm run db:restore -- <file>`: pg_dump / pg_restore
// (custom format) of the whole DATABASE_URL database.
import { loadConfig } from '../config';
import { backupDatabase, restoreDatabase } from './backup';

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if ((mode !== 'backup' && mode !== 'restore') || !file) {
    throw new Error('usage: npm run db:backup -- <file>  |  npm run db:restore -- <file>');
  }
  const url = loadConfig().databaseUrl;
  if (mode === 'backup') {
    const { bytes } = await backupDatabase(url, file);
    console.log(`backup written to ${file} (${Math.round(bytes / 1024)} kB)`);
  } else {
    await restoreDatabase(url, file);
    console.log(`restored ${file}`);
  }
}

main().catch((err) => {
  console.error(`db:backup/db:restore failed: ${err.message}`);
  process.exit(1);
});
