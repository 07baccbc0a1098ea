import { start, type Running } from '../../api/src/server';
import { createTestDb, type TestDb } from './test-db';
import { captureLogFile } from './log-capture';

export interface TestServer extends Running {
  testDb: TestDb;
  close: () => Promise<void>;
}

/** API + built map client on a free port over a database of its own (for browser tests). */
export async function startTestServer({ seeded = true } = {}): Promise<TestServer> {
  const testDb = await createTestDb({ seeded });
  const logFile = captureLogFile();
  const running = await start({ databaseUrl: testDb.url, port: 0, logLevel: logFile ? 'info' : 'silent', logFile });
  return {
    ...running,
    testDb,
    close: async () => {
      await running.stop();
      await testDb.drop();
    },
  };
}
