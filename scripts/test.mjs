// `npm test`: the same set-up as `npm start`, against a separate test server database, then
// the type check and every jest test (unit, API, browser). Extra arguments go to jest.
import { ensureGisTools, ensureNpmDependencies, ensureTestTools } from './lib/dependencies.mjs';
import { ensurePostgis } from './lib/postgis.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { run, log } from './lib/run.mjs';

const RESULTS = 'tests/output/jest-results.json';

/** The plain closing line CI reads: "tests: N passed, N failed, N skipped". */
function summarise() {
  if (!existsSync(RESULTS)) return;
  const r = JSON.parse(readFileSync(RESULTS, 'utf8'));
  process.stdout.write(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped\n`);
}

try {
  ensureNpmDependencies();
  ensureTestTools();
  ensureGisTools();
  // The tests create and drop their own databases (etablera_test_*) on this server.
  const { adminUrl } = await ensurePostgis({ database: 'etablera_test', serverOnly: true });
  // LOG_CAPTURE: every test app logs to tests/output/logs, and the run fails if any line holds a
  // session, token or pitch link (tests/support/log-capture.ts, checked in globalTeardown).
  const env = { ...process.env, TEST_ADMIN_DATABASE_URL: process.env.TEST_ADMIN_DATABASE_URL ?? adminUrl, LOG_CAPTURE: process.env.LOG_CAPTURE ?? 'tests/output/logs' };
  log('type check');
  run('npm', ['run', 'typecheck'], { env });
  log('building the map client');
  run('npm', ['run', 'build:client'], { env });
  mkdirSync('tests/output', { recursive: true });
  rmSync(RESULTS, { force: true });
  const jest = spawnSync('npx', ['jest', '--json', `--outputFile=${RESULTS}`, ...process.argv.slice(2)], { stdio: 'inherit', env });
  summarise();
  if (jest.status !== 0) throw new Error(`jest exited with ${jest.status ?? jest.signal}`);
} catch (err) {
  log(`test failed: ${err.message}`);
  process.exit(1);
}
