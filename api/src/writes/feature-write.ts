import type { Db, Queryable } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors/app-error';
import { WGS84, type Srid } from '../geo/crs';
import type { Feature } from '../layers/read-query';
import type { AuthUser } from '../access/user';
import { recordChange, type AuditEntity } from '../audit/service';
import { keepIdentity, type FeatureInput } from './feature-input';
import { preconditionFailed } from './preconditions';

// The one write path of the editable layers (land, plans, premises):
//   parse → geometry check   (the layer's service, with writes/feature-input)
//   → transaction → write → audit → read back   (commitWrite, here)
// A PATCH first goes through prepareUpdate: the record as it is, 404, 412 on a stale
// If-Match, identity kept, the current contract properties to merge the change into.

/** What the mechanism needs to know of a layer. */
export interface FeatureStore {
  /** The layer's name in messages: "No land feature with ref …". */
  layer: string;
  /** What a record is called in a 409: "a parcel 'x' exists already". */
  noun: string;
  entity: AuditEntity;
  /** One record as the read API writes it, in `srid`; undefined when unknown. */
  read: (db: Queryable, ref: string, srid: Srid) => Promise<Feature | undefined>;
  etag: (properties: Record<string, unknown>) => string;
}

/** 412 naming what the record is now (or that it is gone). */
async function conflict(db: Queryable, store: FeatureStore, ref: string, srid: Srid): Promise<AppError> {
  const now = await store.read(db, ref, srid);
  return preconditionFailed(now ? store.etag(now.properties) : '""', now);
}

export interface PreparedUpdate {
  /** The record before the change, in WGS84 (what the audit log keeps). */
  before: Feature;
  /** Its contract properties, to merge the change into. */
  current: Record<string, unknown>;
}

/**
 * The start of every PATCH: 404 when unknown, 412 when If-Match is not the current ETag,
 * 400 when an identity property would change.
 */
export async function prepareUpdate(
  db: Queryable, store: FeatureStore, ref: string, ifMatch: string, input: FeatureInput, srid: Srid,
  o: { identity: readonly string[]; contract: readonly string[] },
): Promise<PreparedUpdate> {
  const before = await store.read(db, ref, WGS84);
  if (!before) throw notFound(`No ${store.layer} feature with ref '${ref}'`);
  if (ifMatch !== store.etag(before.properties)) throw preconditionFailed(store.etag(before.properties), await store.read(db, ref, srid));
  keepIdentity(before.properties, input.properties, o.identity);
  return { before, current: Object.fromEntries(o.contract.map((k) => [k, before.properties[k]])) };
}

export interface WriteStep {
  ref: string;
  /** Of the Feature answered. */
  srid: Srid;
  /** null for a create. */
  before: Feature | null;
  /** The audit action; default 'create' or 'update'. */
  action?: string;
  /**
   * The SQL of the change. false: nothing was written — the ref is taken (create) or the
   * version moved since it was read (update).
   */
  write: (c: Queryable) => Promise<boolean>;
  /** Replaces the one default audit record (e.g. a plan change records the plan too). */
  audit?: (c: Queryable, after: Feature | undefined) => Promise<void>;
}

/**
 * The write in one transaction with its audit record, answered with the record as the read
 * API now writes it. 409 `ref_taken` on a create whose ref exists, 412 on a lost update.
 */
export async function commitWrite(db: Db, user: AuthUser, store: FeatureStore, w: WriteStep): Promise<Feature> {
  return withTransaction(db, async (c) => {
    if (!(await w.write(c))) {
      if (w.before) throw await conflict(c, store, w.ref, w.srid);
      throw new AppError(409, 'ref_taken', `ref: ${store.noun} '${w.ref}' exists already`);
    }
    const after = await store.read(c, w.ref, WGS84);
    if (w.audit) await w.audit(c, after);
    else await recordChange(c, user, { entity: store.entity, ref: w.ref, action: w.action ?? (w.before ? 'update' : 'create'), before: w.before, after });
    return (await store.read(c, w.ref, w.srid))!;
  });
}

/**
 * DELETE (OGC API Features Part 4) of a record read at `ifMatch`: 404 when unknown, 412
 * with the record when stale (before or during the delete), then the delete and its audit
 * record in one transaction. `remove` returns false when nothing was deleted.
 */
export async function commitDelete(
  db: Db, user: AuthUser, store: FeatureStore, ref: string, ifMatch: string,
  remove: (c: Queryable, before: Feature) => Promise<boolean>,
): Promise<void> {
  const before = await store.read(db, ref, WGS84);
  if (!before) throw notFound(`No ${store.layer} feature with ref '${ref}'`);
  if (ifMatch !== store.etag(before.properties)) throw preconditionFailed(store.etag(before.properties), before);
  await withTransaction(db, async (c) => {
    if (!(await remove(c, before))) throw await conflict(c, store, ref, WGS84);
    await recordChange(c, user, { entity: store.entity, ref, action: 'delete', before, after: null });
  });
}
