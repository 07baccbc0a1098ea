import type { Db, Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import { parseWith } from '../http/validate';
import type { Srid } from '../geo/crs';
import type { AuthUser } from '../access/user';
import { readFeature, type Feature } from '../layers/read-query';
import { etagOf } from '../writes/preconditions';
import { checkGeometry, type FeatureInput } from '../writes/feature-input';
import { commitDelete, commitWrite, prepareUpdate, type FeatureStore } from '../writes/feature-write';
import { landList } from './repository';
import { landWriteProperties, type LandWriteProperties } from './schema';
import { checkAreaRefs } from '../areas/service';

const insertSql = sqlFile(__dirname, 'write-insert-land.sql');
const updateSql = sqlFile(__dirname, 'write-update-land.sql');
const staffSql = sqlFile(__dirname, 'write-land-staff.sql');

const KINDS = ['Polygon', 'MultiPolygon'] as const;
export const LAND_READ_ONLY = ['id', 'version', 'updatedAt', 'areaM2'] as const;
const CONTRACT = ['ref', 'ownerType', 'ownerName', 'status', 'priceSekPerM2', 'areaRef', 'illustrative', 'source', 'reservationKind', 'reservedUntil', 'reservedFor'] as const;

type LandWrite = LandWriteProperties;

export const landEtag = (p: Record<string, unknown>): string => etagOf(Number(p.version));

/** One parcel as the read API writes it, plus the staff-only `reservedFor`. */
export async function readLand(db: Queryable, ref: string, srid: Srid): Promise<Feature | undefined> {
  const f = await readFeature(db, landList, ref, srid);
  if (!f) return undefined;
  const staff = (await db.query(staffSql, [ref])).rows[0];
  f.properties.reservedFor = staff.reservedFor;
  f.properties.ownerName = staff.ownerName;
  return f;
}

const params = (p: LandWrite) => [p.ownerType, p.ownerName ?? null, p.status, p.priceSekPerM2 ?? null, p.areaRef ?? null, p.illustrative, p.source ?? null];
const reservation = (p: LandWrite) => [p.reservationKind ?? null, p.reservedUntil ?? null, p.reservedFor ?? null];

const store: FeatureStore = { layer: 'land', noun: 'a parcel', entity: 'land', read: readLand, etag: landEtag };

/** POST /api/land */
export async function createLand(db: Db, user: AuthUser, input: FeatureInput, srid: Srid): Promise<Feature> {
  const props = parseWith(landWriteProperties, input.properties, 'invalid_properties');
  await checkAreaRefs(db, props.areaRef, 'areaRef');
  await checkGeometry(db, input.geometry, KINDS, srid, 'land');
  return commitWrite(db, user, store, {
    ref: props.ref, srid, before: null,
    write: async (c) => (await c.query(insertSql, [props.ref, ...params(props), JSON.stringify(input.geometry), srid, ...reservation(props)])).rows.length > 0,
  });
}

/** PATCH /api/land/:ref: the properties given change; the rest stay. */
export async function updateLand(db: Db, user: AuthUser, ref: string, ifMatch: string, input: FeatureInput, srid: Srid): Promise<Feature> {
  const { before, current } = await prepareUpdate(db, store, ref, ifMatch, input, srid, { identity: ['ref'], contract: CONTRACT });
  // A derived area is not the data's own: an edit that moves the parcel derives it again.
  if ((await db.query(staffSql, [ref])).rows[0].areaRefDerived) current.areaRef = null;
  const props = parseWith(landWriteProperties, { ...current, ...input.properties }, 'invalid_properties');
  await checkAreaRefs(db, props.areaRef, 'areaRef');
  if (input.geometry !== undefined) await checkGeometry(db, input.geometry, KINDS, srid, 'land');
  const geometry = input.geometry === undefined ? null : JSON.stringify(input.geometry);
  return commitWrite(db, user, store, {
    ref, srid, before,
    write: async (c) => (await c.query(updateSql, [ref, before.properties.version, ...params(props), geometry, srid, ...reservation(props)])).rows.length > 0,
  });
}

const deleteSql = sqlFile(__dirname, 'write-delete-land.sql');

/** DELETE (OGC API Features Part 4): removes a parcel read at `ifMatch`; audited. */
export async function deleteLand(db: Db, user: AuthUser, ref: string, ifMatch: string): Promise<void> {
  await commitDelete(db, user, store, ref, ifMatch, async (c, before) => (await c.query(deleteSql, [ref, before.properties.version])).rows.length > 0);
}
