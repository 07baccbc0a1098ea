import type { Db, DbClient } from './pool';
import { isDatabaseUnavailable } from '../errors/db-unavailable';

/** Runs `work` in one transaction: commit when it resolves, roll back when it throws. */
export async function withTransaction<T>(db: Db, work: (client: DbClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  let broken: Error | undefined;
  // pg emits a lost connection on the checked-out client as well as rejecting its query: an
  // unheard 'error' event would end the process (the rejection below is what callers see)
  const onError = (err: Error) => (broken = err);
  client.on('error', onError);
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (err) {
    // A lost or timed-out connection is dropped from the pool, not handed to the next request.
    if (isDatabaseUnavailable(err)) broken = err as Error;
    else await client.query('rollback').catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
