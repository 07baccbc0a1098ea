import { randomBytes } from 'node:crypto';
import { createPool, type Db } from '../../api/src/db/pool';
import { onAdmin, dropDatabase, quoteIdent, urlFor, emptyTemplate, seededTemplate, runPrefix } from './databases';

export interface TestDb {
  db: Db;
  url: string;
  name: string;
  /** Closes the pool and drops the database. */
  drop: () => Promise<void>;
}

/**
 * A database of the test file's own: a copy of the migrated template, seeded with the
 * shipped gis-data when `seeded`. Example: `const t = await createTestDb({ seeded: true })`.
 */
export async function createTestDb({ seeded = false } = {}): Promise<TestDb> {
  const name = `${runPrefix()}${randomBytes(4).toString('hex')}`;
  const template = seeded ? seededTemplate() : emptyTemplate();
  await onAdmin(async (c) => {
    // Two workers cloning one template at the same instant can collide; a retry settles it.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`);
        return;
      } catch (err) {
        if (attempt >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 100 + attempt * 50));
      }
    }
  });
  const url = urlFor(name);
  const db = createPool(url, 5);
  return {
    db,
    url,
    name,
    drop: async () => {
      await db.end();
      await onAdmin((c) => dropDatabase(c, name));
    },
  };
}
