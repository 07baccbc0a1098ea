// `npm start`: everything a fresh clone needs, then the service on PORT (default 3000).
import { ensureGisTools, ensureNpmDependencies } from './lib/dependencies.mjs';
import { ensurePostgis } from './lib/postgis.mjs';
import { run, serveForever, log } from './lib/run.mjs';

try {
  ensureNpmDependencies();
  ensureGisTools();
  const { url } = await ensurePostgis({ database: 'etablera' });
  const env = { ...process.env, DATABASE_URL: url };
  run('npx', ['tsx', 'api/src/db/migrate-cli.ts'], { env });
  run('npx', ['tsx', 'gis-data/src/seed-cli.ts', '--if-empty'], { env });
  run('npm', ['run', 'build:client'], { env });
  log(`serving on http://localhost:${process.env.PORT ?? 3000}`);
  serveForever('npx', ['tsx', 'api/src/server.ts'], { env });
} catch (err) {
  log(`start failed: ${err.message}`);
  process.exit(1);
}
