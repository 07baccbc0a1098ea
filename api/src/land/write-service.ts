import { z } from 'zod';
import type { Db, Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors/app-error';
import { isoDate, parseWith } from '../http/validate';
import { WGS84, type Srid } from '../geo/crs';
import type { AuthUser } from '../auth/middleware';
import { recordChange } from '../audit/service';
import { etagOf, preconditionFailed } from '../audit/preconditions';
import { checkGeometry, keepIdentity, type Feature, type FeatureInput } from '../audit/feature-input';
import { listLandSql } from './repository';
import { landProperties } from './schema';

const insertSql = sqlFile(__dirname, 'write-insert-land.sql');
const updateSql = sqlFile(__dirname, 'write-update-land.sql');
const staffSql = sqlFile(__dirname, 'write-land-staff.sql');
const areaExistsSql = sqlFile(__dirname, 'write-area-exists.sql');

const KINDS = ['Polygon', 'MultiPolygon'] as const;
export const LAND_READ_ONLY = ['id', 'version', 'updatedAt', 'areaM2'] as const;
const CONTRACT = ['ref', 'ownerType', 'ownerName', 'status', 'priceSekPerM2', 'areaRef', 'illustrative', 'source', 'reservationKind', 'reservedUntil', 'reservedFor'] as const;

/**
 * A parcel as the business unit edits it: the layer's properties plus a reservation or
 * land allocation (markanvisning), which has an end date and implies status `reserved`.
 */
export const landWriteProperties = landProperties
  .extend({
    reservationKind: z.enum(['reservation', 'markanvisning']).nullish(),
    reservedUntil: isoDate.nullish(),
    reservedFor: z.string().trim().max(200).nullish(),
  })
  .superRefine((p, ctx) => {
    if (p.reservationKind && !p.reservedUntil) {
      ctx.addIssue({ code: 'custom', path: ['reservedUntil'], message: 'is required for a reservation or markanvisning (its end date)' });
    }
    if (p.reservationKind && p.status !== 'reserved') {
      ctx.addIssue({ code: 'custom', path: ['status'], message: `must be reserved while the parcel has a ${p.reservationKind}` });
    }
    if (!p.reservationKind && (p.reservedUntil || p.reservedFor)) {
      ctx.addIssue({ code: 'custom', path: ['reservationKind'], message: 'is required when reservedUntil or reservedFor is given' });
    }
  });
type LandWrite = z.output<typeof landWriteProperties>;

export const landEtag = (p: Record<string, unknown>): string => etagOf(Number(p.version));

/** One parcel as the read API writes it, plus the staff-only `reservedFor`. */
export async function readLand(db: Queryable, ref: string, srid: Srid): Promise<Feature | undefined> {
  const { rows } = await db.query(listLandSql, [srid, null, null, null, null, null, ref, null, null]);
  const f = (JSON.parse(rows[0].features) as Feature[])[0];
  if (!f) return undefined;
  const staff = (await db.query(staffSql, [ref])).rows[0];
  f.properties.reservedFor = staff.reservedFor;
  f.properties.ownerName = staff.ownerName;
  return f;
}

const params = (p: LandWrite) => [p.ownerType, p.ownerName ?? null, p.status, p.priceSekPerM2 ?? null, p.areaRef ?? null, p.illustrative, p.source ?? null];
const reservation = (p: LandWrite) => [p.reservationKind ?? null, p.reservedUntil ?? null, p.reservedFor ?? null];

async function checkArea(db: Queryable, p: LandWrite): Promise<void> {
  if (!p.areaRef) return;
  const { rowCount } = await db.query(areaExistsSql, [p.areaRef]);
  if (!rowCount) throw new AppError(400, 'unknown_area', `areaRef: no area with ref '${p.areaRef}'`);
}

/** POST /api/land */
export async function createLand(db: Db, user: AuthUser, input: FeatureInput, srid: Srid): Promise<Feature> {
  const props = parseWith(landWriteProperties, input.properties, 'invalid_properties');
  await checkArea(db, props);
  await checkGeometry(db, input.geometry, KINDS, srid, 'land');
  return withTransaction(db, async (c) => {
    const { rows } = await c.query(insertSql, [props.ref, ...params(props), JSON.stringify(input.geometry), srid, ...reservation(props)]);
    if (!rows.length) throw new AppError(409, 'ref_taken', `ref: a parcel '${props.ref}' exists already`);
    await recordChange(c, user, { entity: 'land', ref: props.ref, action: 'create', before: null, after: await readLand(c, props.ref, WGS84) });
    return (await readLand(c, props.ref, srid))!;
  });
}

/** PATCH /api/land/:ref: the properties given change; the rest stay. */
export async function updateLand(db: Db, user: AuthUser, ref: string, ifMatch: string, input: FeatureInput, srid: Srid): Promise<Feature> {
  const before = await readLand(db, ref, WGS84);
  if (!before) throw notFound(`No land feature with ref '${ref}'`);
  if (ifMatch !== landEtag(before.properties)) throw preconditionFailed(landEtag(before.properties), await readLand(db, ref, srid));
  keepIdentity(before.properties, input.properties, ['ref']);
  const current: Record<string, unknown> = Object.fromEntries(CONTRACT.map((k) => [k, before.properties[k]]));
  // A derived area is not the data's own: an edit that moves the parcel derives it again.
  if ((await db.query(staffSql, [ref])).rows[0].areaRefDerived) current.areaRef = null;
  const props = parseWith(landWriteProperties, { ...current, ...input.properties }, 'invalid_properties');
  await checkArea(db, props);
  if (input.geometry !== undefined) await checkGeometry(db, input.geometry, KINDS, srid, 'land');
  return withTransaction(db, async (c) => {
    const geometry = input.geometry === undefined ? null : JSON.stringify(input.geometry);
    const { rows } = await c.query(updateSql, [ref, before.properties.version, ...params(props), geometry, srid, ...reservation(props)]);
    if (!rows.length) {
      const now = await readLand(c, ref, srid);
      throw preconditionFailed(now ? landEtag(now.properties) : '""', now);
    }
    await recordChange(c, user, { entity: 'land', ref, action: 'update', before, after: await readLand(c, ref, WGS84) });
    return (await readLand(c, ref, srid))!;
  });
}

const deleteSql = sqlFile(__dirname, 'write-delete-land.sql');

/** DELETE (OGC API Features Part 4): removes a parcel read at `ifMatch`; audited. */
export async function deleteLand(db: Db, user: AuthUser, ref: string, ifMatch: string): Promise<void> {
  const before = await readLand(db, ref, WGS84);
  if (!before) throw notFound(`No land feature with ref '${ref}'`);
  if (ifMatch !== landEtag(before.properties)) throw preconditionFailed(landEtag(before.properties), before);
  await withTransaction(db, async (c) => {
    const { rows } = await c.query(deleteSql, [ref, before.properties.version]);
    if (!rows.length) {
      const now = await readLand(c, ref, WGS84);
      throw preconditionFailed(now ? landEtag(now.properties) : '""', now);
    }
    await recordChange(c, user, { entity: 'land', ref, action: 'delete', before, after: null });
  });
}
