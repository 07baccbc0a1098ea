// `npm test`: the same set-up as `npm start`, against a separate test server database, then
// the type check and every jest test (unit, API, browser). Extra arguments go to jest.
import { ensureNpmDependencies, ensureTestTools } from './lib/dependencies.mjs';
import { ensurePostgis } from './lib/postgis.mjs';
import { run, log } from './lib/run.mjs';

try {
  ensureNpmDependencies();
  ensureTestTools();
  // The tests create and drop their own databases (etablera_test_*) on this server.
  const { adminUrl } = await ensurePostgis({ database: 'etablera_test', serverOnly: true });
  const env = { ...process.env, TEST_ADMIN_DATABASE_URL: process.env.TEST_ADMIN_DATABASE_URL ?? adminUrl };
  log('type check');
  run('npm', ['run', 'typecheck'], { env });
  log('building the map client');
  run('npm', ['run', 'build:client'], { env });
  run('npx', ['jest', ...process.argv.slice(2)], { env });
} catch (err) {
  log(`test failed: ${err.message}`);
  process.exit(1);
}
