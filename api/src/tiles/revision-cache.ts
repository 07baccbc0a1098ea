import pg from 'pg';
import { reader, type AppContext } from '../context';
import type { Db, Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import { isDatabaseUnavailable } from '../errors/db-unavailable';
import { readLayerRevision, type LayerRevision } from './repository';
import type { TileLayer } from './schema';

const listenSql = sqlFile(__dirname, 'listen-layer-revisions.sql');

/** Longest a cached revision is trusted without a word from the database (the safety net). */
export const REVISION_MAX_AGE_MS = 1000;
const RELISTEN_MS = 1000;

/**
 * The layer revisions (tile ETags) of one pool, kept in memory so that a tile revalidation
 * (If-None-Match → 304) costs no database round trip. Why it does not serve a stale 304:
 *
 * - Writes through this process (the API's edits, its jobs, anything on the pool): every
 *   connection the pool gets back (pg-pool's 'release', emitted after the statement or the
 *   transaction's COMMIT returned and before its caller goes on) drops every entry, so the
 *   next lookup reads the database. This is synchronous: an edit's response cannot reach
 *   its client before the entries are gone. It also drops them after other reads (a match,
 *   a layer read: the pool cannot tell), which costs the next revalidation one primary-key
 *   read, as every revalidation cost before; tile renders and revision reads go through
 *   `read`, which is known read-only and does not.
 * - Writes by other processes (gis:load, psql, another API process): the trigger of 0091
 *   NOTIFYs 'layer_revisions' at commit and this cache LISTENs on a connection of its own.
 *   Between that commit and the notification's arrival (well under a millisecond on one
 *   host; the test in tests/api/tiles.test.ts waits for it) a 304 of the old revision can
 *   still go out: the one staleness there is, and the price of not reading per request.
 * - A read that raced an invalidation is not stored (generation counter); nothing is
 *   cached while the listener is not connected and LISTENing (every lookup then reads the
 *   database, as before 0091), nor trusted for longer than `maxAgeMs` (1 s): a notification
 *   lost on a half-open connection still cannot keep an old ETag alive longer than that.
 * - A pool on a hot-standby replica (DATABASE_READ_URL) is never cached: NOTIFY is not
 *   replayed on a standby (and LISTEN is refused there). Every lookup reads the replica,
 *   which is also what keeps its ETag and its tile consistent with each other.
 */
export class LayerRevisionCache {
  /** How long an entry is trusted (ms); tests lengthen it to prove the notification alone. */
  maxAgeMs = REVISION_MAX_AGE_MS;
  private readonly entries = new Map<TileLayer, { value: LayerRevision; readAt: number }>();
  private generation = 0;
  private listener?: pg.Client;
  private listening = false;
  private starting = false;
  private closed = false;
  private retry?: NodeJS.Timeout;
  private readonly invalidations = new Set<() => void>();
  /** The pool's clients now running `read` (read-only work): their release is no write. */
  private readonly reading = new Set<unknown>();

  constructor(
    private readonly db: Db,
    private readonly enabled: boolean,
    private readonly onListenError: (err: Error) => void = () => {},
  ) {
    if (enabled) db.on('release', (_err: Error | undefined, client: unknown) => {
      if (!this.reading.has(client)) this.invalidate();
    });
  }

  /** The layer's revision: from memory while the listener vouches for it, else from the database. */
  async get(layer: TileLayer): Promise<LayerRevision> {
    if (this.enabled && !this.closed) {
      if (!this.listening) this.listen();
      const hit = this.peek(layer);
      if (hit) return hit;
    }
    const generation = this.generation;
    const readAt = Date.now();
    const value = await this.read((client) => readLayerRevision(client, layer));
    // Stored only if nothing was invalidated since the read began (it may predate that write).
    if (this.enabled && this.listening && generation === this.generation) this.entries.set(layer, { value, readAt });
    return value;
  }

  /** The cached revision if it may be trusted right now, without waiting on anything; else undefined. */
  peek(layer: TileLayer): LayerRevision | undefined {
    if (!this.enabled || this.closed || !this.listening) return undefined;
    const hit = this.entries.get(layer);
    return hit && Date.now() - hit.readAt < this.maxAgeMs ? hit.value : undefined;
  }

  /**
   * Runs a read-only statement (a revision lookup, a tile render) on a client of the pool
   * whose return to the pool does not invalidate the revisions, as any other client's does.
   * Guarded as pool.query guards its client: a connection the server ends while it is
   * checked out raises no unhandled 'error' and is dropped from the pool, not reused.
   */
  async read<T>(work: (client: Queryable) => Promise<T>): Promise<T> {
    const client = await this.db.connect();
    let broken: Error | undefined;
    const onError = (err: Error) => (broken = err);
    client.on('error', onError);
    this.reading.add(client);
    try {
      return await work(client);
    } catch (err) {
      if (isDatabaseUnavailable(err)) broken = err as Error;
      throw err;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
      this.reading.delete(client);
    }
  }

  /** Forget every revision: the next lookup of each layer reads the database. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
    for (const resolve of this.invalidations) resolve();
    this.invalidations.clear();
  }

  /** Resolves at the next invalidation (a notification, or a connection back in the pool). */
  nextInvalidation(): Promise<void> {
    return new Promise((resolve) => this.invalidations.add(resolve));
  }

  /** Closes the listener; later lookups read the database. Called when the pool ends. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    this.listening = false;
    this.invalidate();
    const client = this.listener;
    this.listener = undefined;
    await client?.end().catch(() => {});
  }

  private listen(): void {
    if (this.starting || this.closed || this.retry) return;
    this.starting = true;
    // A connection of its own, with the pool's settings: LISTEN needs a session that stays.
    const client = new pg.Client({ ...this.db.options, keepAlive: true });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (this.listener === client) this.listener = undefined;
      this.listening = false;
      this.invalidate();
      client.end().catch(() => {});
      const poolEnding = (this.db as unknown as { ending?: boolean }).ending === true;
      if (this.closed || poolEnding) return;
      if (err) this.onListenError(err);
      this.retry = setTimeout(() => {
        this.retry = undefined;
      }, RELISTEN_MS);
      this.retry.unref();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', () => this.invalidate());
    client
      .connect()
      .then(() => client.query(listenSql))
      .then(() => {
        if (this.closed) return onLost();
        this.listener = client;
        // Anything read before the LISTEN took effect may have missed a notification.
        this.invalidate();
        this.listening = true;
      })
      .catch((err: Error) => onLost(err))
      .finally(() => {
        this.starting = false;
      });
  }
}

const caches = new WeakMap<Db, LayerRevisionCache>();

/**
 * The revision cache of the pool tiles are read from (one per pool, shared by every app on
 * it). Disabled when that pool is a replica (see the class comment). Its listener is closed
 * when the pool is ended, so a process or test that ends its pool is not held open by it.
 */
export function tileRevisions(ctx: AppContext): LayerRevisionCache {
  const db = reader(ctx);
  let cache = caches.get(db);
  if (!cache) {
    const created = new LayerRevisionCache(db, ctx.readDb === undefined, (err) =>
      ctx.log.warn({ err }, 'tile revisions: LISTEN failed; revalidation reads the database until it is back'),
    );
    const end = db.end.bind(db) as () => Promise<void>;
    db.end = (async () => {
      await created.close();
      return end();
    }) as typeof db.end;
    caches.set(db, created);
    cache = created;
  }
  return cache;
}
