import { randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import { AppError, notFound } from '../errors/app-error';
import { parseWith } from '../http/validate';
import { WGS84, type Srid } from '../geo/crs';
import type { AuthUser } from '../access/user';
import { listFeatures, readFeature, type Feature } from '../layers/read-query';
import { etagOf } from '../writes/preconditions';
import { checkGeometry, type FeatureInput } from '../writes/feature-input';
import { commitDelete, commitWrite, prepareUpdate, type FeatureStore } from '../writes/feature-write';
import { premisesList } from './repository';
import { premisesProperties, type PremisesProperties } from './schema';

const insertSql = sqlFile(__dirname, 'write-insert-premises.sql');
const updateSql = sqlFile(__dirname, 'write-update-premises.sql');
const confirmSql = sqlFile(__dirname, 'write-confirm-premises.sql');
const ownerSql = sqlFile(__dirname, 'write-premises-owner.sql');

const KINDS = ['Point', 'Polygon', 'MultiPolygon'] as const;
/** What the read API adds to a listing; a client may send it back, it is ignored. */
export const PREMISES_READ_ONLY = ['id', 'version', 'updatedAt', 'confirmedAt', 'stale', 'areaRef'] as const;
const CONTRACT = ['ref', 'title', 'kind', 'floorAreaM2', 'rentSekPerM2Year', 'availableFrom', 'status', 'address', 'illustrative', 'source'] as const;

export const premisesEtag = (p: Record<string, unknown>): string => etagOf(Number(p.version));

/** One listing as the read API writes it, in `srid`; undefined when unknown. */
export const readPremises = (db: Queryable, ref: string, srid: Srid, staleAfterDays: number): Promise<Feature | undefined> =>
  readFeature(db, premisesList(staleAfterDays), ref, srid);

const store = (staleAfterDays: number): FeatureStore => ({
  layer: 'premises', noun: 'a listing', entity: 'premises', etag: premisesEtag,
  read: (db, ref, srid) => readPremises(db, ref, srid, staleAfterDays),
});

async function ownerOf(db: Queryable, ref: string): Promise<number | null | undefined> {
  const { rows } = await db.query(ownerSql, [ref, null]);
  return rows.length ? rows[0].ownerAccountId : undefined;
}

/** Owners may touch only their own listings; staff (business, admin) any. */
export async function checkMayEdit(db: Queryable, user: AuthUser, ref: string): Promise<void> {
  const owner = await ownerOf(db, ref);
  if (owner === undefined) throw notFound(`No premises feature with ref '${ref}'`);
  if (user.role === 'owner' && owner !== user.id) {
    throw new AppError(403, 'forbidden', 'You can edit only the listings you registered');
  }
}

const params = (p: PremisesProperties) => [
  p.title, p.kind, p.floorAreaM2, p.rentSekPerM2Year ?? null, p.availableFrom ?? null, p.status, p.address ?? null, p.illustrative, p.source ?? null,
];

export interface WriteOptions {
  srid: Srid;
  staleAfterDays: number;
}

/** POST /api/premises: a new listing; an owner's listing is linked to the owner. */
export async function createPremises(db: Db, user: AuthUser, input: FeatureInput, o: WriteOptions): Promise<Feature> {
  const props = parseWith(premisesProperties, { status: 'available', ref: `lokal-${randomBytes(4).toString('hex')}`, ...input.properties }, 'invalid_properties');
  await checkGeometry(db, input.geometry, KINDS, o.srid, 'premises');
  const owner = user.role === 'owner' ? user.id : null;
  return commitWrite(db, user, store(o.staleAfterDays), {
    ref: props.ref, srid: o.srid, before: null,
    write: async (c) => (await c.query(insertSql, [props.ref, ...params(props), JSON.stringify(input.geometry), o.srid, owner])).rows.length > 0,
  });
}

/** PATCH /api/premises/:ref: the properties given change; the rest stay. */
export async function updatePremises(db: Db, user: AuthUser, ref: string, ifMatch: string, input: FeatureInput, o: WriteOptions): Promise<Feature> {
  await checkMayEdit(db, user, ref);
  const { before, current } = await prepareUpdate(db, store(o.staleAfterDays), ref, ifMatch, input, o.srid, { identity: ['ref'], contract: CONTRACT });
  const props = parseWith(premisesProperties, { ...current, ...input.properties }, 'invalid_properties');
  if (input.geometry !== undefined) await checkGeometry(db, input.geometry, KINDS, o.srid, 'premises');
  const geometry = input.geometry === undefined ? null : JSON.stringify(input.geometry);
  return commitWrite(db, user, store(o.staleAfterDays), {
    ref, srid: o.srid, before,
    action: props.status === 'withdrawn' && before.properties.status !== 'withdrawn' ? 'withdraw' : 'update',
    write: async (c) => (await c.query(updateSql, [ref, before.properties.version, ...params(props), geometry, o.srid, user.role === 'owner'])).rows.length > 0,
  });
}

/** POST /api/premises/:ref/confirm: "still available" — the listing is current again. */
export async function confirmPremises(db: Db, user: AuthUser, ref: string, o: WriteOptions): Promise<Feature> {
  await checkMayEdit(db, user, ref);
  return commitWrite(db, user, store(o.staleAfterDays), {
    ref, srid: o.srid, before: (await readPremises(db, ref, WGS84, o.staleAfterDays))!, action: 'confirm',
    write: async (c) => (await c.query(confirmSql, [ref])).rows.length > 0,
  });
}

/** GET /api/my/premises: the owner's own listings (staff: every listing they may edit = all). */
export async function ownPremises(db: Queryable, user: AuthUser, o: WriteOptions): Promise<Feature[]> {
  const { rows } = await db.query(ownerSql, [null, user.role === 'owner' ? user.id : null]);
  const mine = new Set(rows.map((r: { ref: string }) => r.ref));
  const all = await listFeatures(db, premisesList(o.staleAfterDays), { crs: o.srid });
  return (JSON.parse(all) as Feature[]).filter((f) => mine.has(String(f.properties.ref)));
}

const deleteSql = sqlFile(__dirname, 'write-delete-premises.sql');

/** DELETE (OGC API Features Part 4): removes a listing read at `ifMatch`; owners only their own; audited. */
export async function deletePremises(db: Db, user: AuthUser, ref: string, ifMatch: string, o: WriteOptions): Promise<void> {
  await checkMayEdit(db, user, ref);
  await commitDelete(db, user, store(o.staleAfterDays), ref, ifMatch, async (c, before) =>
    (await c.query(deleteSql, [ref, before.properties.version])).rows.length > 0);
}
