import type { Db } from '../db/pool';
import type { AuthUser, Role } from '../access/user';
import type { FeatureInput } from '../writes/feature-input';
import type { Srid } from '../geo/crs';
import { createLand, deleteLand, LAND_READ_ONLY, landEtag, updateLand } from '../land/write-service';
import { createZone, deleteZone, updateZone, ZONE_READ_ONLY, zoneEtag } from '../plans/write-service';
import { checkMayEdit, createPremises, deletePremises, PREMISES_READ_ONLY, premisesEtag, updatePremises } from '../premises/write-service';

// Part 4 over the JSON API's own write services: the same roles, validation, If-Match
// rules and audit entries — one code path. Nothing here decides a rule of its own.

export interface WriteContext {
  db: Db;
  user: AuthUser;
  srid: Srid;
  staleAfterDays: number;
}

export interface Editor {
  /** who may write (checked before the body is judged, as the JSON API does) */
  roles: Role[];
  /** properties the read side adds; a client (QGIS) may send them back, they are dropped */
  readOnly: readonly string[];
  etag: (properties: Record<string, unknown>) => string;
  /** a record-level check before anything else (premises: owners edit only their own) */
  mayEdit?: (w: WriteContext, ref: string) => Promise<void>;
  /** creates; returns the new record's ref */
  create: (w: WriteContext, input: FeatureInput) => Promise<string>;
  update: (w: WriteContext, ref: string, ifMatch: string, input: FeatureInput) => Promise<void>;
  remove: (w: WriteContext, ref: string, ifMatch: string) => Promise<void>;
}

const refOf = (f: { properties: Record<string, unknown> }) => String(f.properties.ref);
const opts = (w: WriteContext) => ({ srid: w.srid, staleAfterDays: w.staleAfterDays });

/** The collections that can be edited, with the roles of the JSON write API. */
export const EDITORS = {
  land: {
    roles: ['business', 'admin'],
    readOnly: LAND_READ_ONLY,
    etag: landEtag,
    create: async (w, input) => refOf(await createLand(w.db, w.user, input, w.srid)),
    update: async (w, ref, ifMatch, input) => void (await updateLand(w.db, w.user, ref, ifMatch, input, w.srid)),
    remove: (w, ref, ifMatch) => deleteLand(w.db, w.user, ref, ifMatch),
  },
  plans: {
    roles: ['planner', 'admin'],
    readOnly: ZONE_READ_ONLY,
    etag: zoneEtag,
    create: async (w, input) => refOf(await createZone(w.db, w.user, input, w.srid)),
    update: async (w, ref, ifMatch, input) => void (await updateZone(w.db, w.user, ref, ifMatch, input, w.srid)),
    remove: (w, ref, ifMatch) => deleteZone(w.db, w.user, ref, ifMatch),
  },
  premises: {
    roles: ['owner', 'business', 'admin'],
    readOnly: PREMISES_READ_ONLY,
    etag: premisesEtag,
    mayEdit: (w, ref) => checkMayEdit(w.db, w.user, ref),
    create: async (w, input) => refOf(await createPremises(w.db, w.user, input, opts(w))),
    update: async (w, ref, ifMatch, input) => void (await updatePremises(w.db, w.user, ref, ifMatch, input, opts(w))),
    remove: (w, ref, ifMatch) => deletePremises(w.db, w.user, ref, ifMatch, opts(w)),
  },
} satisfies Record<string, Editor>;

export type EditableId = keyof typeof EDITORS;
export const editorOf = (id: string): Editor | undefined => (Object.hasOwn(EDITORS, id) ? EDITORS[id as EditableId] : undefined);
