import { randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors/app-error';
import { parseWith } from '../http/validate';
import type { Srid } from '../geo/crs';
import { WGS84 } from '../geo/crs';
import type { AuthUser } from '../auth/middleware';
import { recordChange } from '../audit/service';
import { etagOf, preconditionFailed } from '../audit/preconditions';
import { checkGeometry, keepIdentity, type Feature, type FeatureInput } from '../audit/feature-input';
import { listPremisesSql } from './repository';
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
export async function readPremises(db: Queryable, ref: string, srid: Srid, staleAfterDays: number): Promise<Feature | undefined> {
  const { rows } = await db.query(listPremisesSql, [srid, null, null, null, null, null, ref, null, null, null, staleAfterDays]);
  return (JSON.parse(rows[0].features) as Feature[])[0];
}

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
  return withTransaction(db, async (c) => {
    const { rows } = await c.query(insertSql, [
      props.ref, ...params(props), JSON.stringify(input.geometry), o.srid, user.role === 'owner' ? user.id : null,
    ]);
    if (!rows.length) throw new AppError(409, 'ref_taken', `ref: a listing '${props.ref}' exists already`);
    const after = (await readPremises(c, props.ref, o.srid, o.staleAfterDays))!;
    await recordChange(c, user, { entity: 'premises', ref: props.ref, action: 'create', before: null, after: await readPremises(c, props.ref, WGS84, o.staleAfterDays) });
    return after;
  });
}

/** PATCH /api/premises/:ref: the properties given change; the rest stay. */
export async function updatePremises(db: Db, user: AuthUser, ref: string, ifMatch: string, input: FeatureInput, o: WriteOptions): Promise<Feature> {
  await checkMayEdit(db, user, ref);
  const before = (await readPremises(db, ref, WGS84, o.staleAfterDays))!;
  if (ifMatch !== premisesEtag(before.properties)) throw preconditionFailed(premisesEtag(before.properties), await readPremises(db, ref, o.srid, o.staleAfterDays));
  keepIdentity(before.properties, input.properties, ['ref']);
  const current = Object.fromEntries(CONTRACT.map((k) => [k, before.properties[k]]));
  const props = parseWith(premisesProperties, { ...current, ...input.properties }, 'invalid_properties');
  if (input.geometry !== undefined) await checkGeometry(db, input.geometry, KINDS, o.srid, 'premises');
  return withTransaction(db, async (c) => {
    const geometry = input.geometry === undefined ? null : JSON.stringify(input.geometry);
    const { rows } = await c.query(updateSql, [ref, before.properties.version, ...params(props), geometry, o.srid, user.role === 'owner']);
    if (!rows.length) {
      const now = await readPremises(c, ref, o.srid, o.staleAfterDays);
      throw preconditionFailed(now ? premisesEtag(now.properties) : '""', now);
    }
    const action = props.status === 'withdrawn' && before.properties.status !== 'withdrawn' ? 'withdraw' : 'update';
    await recordChange(c, user, { entity: 'premises', ref, action, before, after: await readPremises(c, ref, WGS84, o.staleAfterDays) });
    return (await readPremises(c, ref, o.srid, o.staleAfterDays))!;
  });
}

/** POST /api/premises/:ref/confirm: "still available" — the listing is current again. */
export async function confirmPremises(db: Db, user: AuthUser, ref: string, o: WriteOptions): Promise<Feature> {
  await checkMayEdit(db, user, ref);
  return withTransaction(db, async (c) => {
    const before = await readPremises(c, ref, WGS84, o.staleAfterDays);
    await c.query(confirmSql, [ref]);
    await recordChange(c, user, { entity: 'premises', ref, action: 'confirm', before, after: await readPremises(c, ref, WGS84, o.staleAfterDays) });
    return (await readPremises(c, ref, o.srid, o.staleAfterDays))!;
  });
}

/** GET /api/my/premises: the owner's own listings (staff: every listing they may edit = all). */
export async function ownPremises(db: Queryable, user: AuthUser, o: WriteOptions): Promise<Feature[]> {
  const { rows } = await db.query(ownerSql, [null, user.role === 'owner' ? user.id : null]);
  const mine = new Set(rows.map((r: { ref: string }) => r.ref));
  const all = await db.query(listPremisesSql, [o.srid, null, null, null, null, null, null, null, null, null, o.staleAfterDays]);
  return (JSON.parse(all.rows[0].features) as Feature[]).filter((f) => mine.has(String(f.properties.ref)));
}

const deleteSql = sqlFile(__dirname, 'write-delete-premises.sql');

/** DELETE (OGC API Features Part 4): removes a listing read at `ifMatch`; owners only their own; audited. */
export async function deletePremises(db: Db, user: AuthUser, ref: string, ifMatch: string, o: WriteOptions): Promise<void> {
  await checkMayEdit(db, user, ref);
  const before = (await readPremises(db, ref, WGS84, o.staleAfterDays))!;
  if (ifMatch !== premisesEtag(before.properties)) throw preconditionFailed(premisesEtag(before.properties), before);
  await withTransaction(db, async (c) => {
    const { rows } = await c.query(deleteSql, [ref, before.properties.version]);
    if (!rows.length) {
      const now = await readPremises(c, ref, WGS84, o.staleAfterDays);
      throw preconditionFailed(now ? premisesEtag(now.properties) : '""', now);
    }
    await recordChange(c, user, { entity: 'premises', ref, action: 'delete', before, after: null });
  });
}
