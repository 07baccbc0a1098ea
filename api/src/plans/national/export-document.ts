import { createHash } from 'node:crypto';
import { AppError } from '../../errors/app-error';
import type { PlanStatus } from '../../layers/enums';
import { MEDIA_TYPE } from './document';
import { NATIONAL_FROM_STATUS } from './plan-fields';
import { baseUseProvision } from './catalogue';
import { BUILDING_RIGHT_PROVISIONS, EXPORT_PROVISION, type BuildingRightField } from './building-rights';

type Json = Record<string, unknown>;
type Part = { type: string; coordinates: unknown };

/** What plan-document.sql returns. */
export interface StoredPlanDocument {
  planId: string;
  nationalId: string | null;
  nationalVersion: number | null;
  version: number;
  versionValidFrom: string | null;
  updatedAt: string;
  name: string;
  designation: string | null;
  municipalityName: string | null;
  purpose: string | null;
  planType: string | null;
  status: PlanStatus;
  statusChangedAt: string | null;
  diaryNumber: string | null;
  startedDate: string | null;
  adoptedDate: string | null;
  legalForceDate: string | null;
  implementationStartDate: string | null;
  implementationMonths: number | null;
  implementationEndDate: string | null;
  geometryMetadata: Json | null;
  boundary: Part[] | null;
  regulations: Array<{
    nationalId: string; kind: string; catalogueId: string; wording: string; originalWording: string | null;
    values: Json[]; regulates: string[] | null; motive: string | null; geometryMetadata: Json | null; parts: Part[];
  }>;
  zones: Array<{ ref: string; useCodes: string[]; parts: Part[] } & Partial<Record<BuildingRightField, number | null>>>;
}

/**
 * A stable UUID for an object Etablera drew itself (RFC 4122 version 3, MD5 of a name), so
 * exporting the same plan twice gives the same identities.
 */
export function nameUuid(name: string): string {
  const h = createHash('md5').update(`etablera:${name}`).digest();
  h[6] = (h[6] & 0x0f) | 0x30;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const TYP: Record<string, string> = { Polygon: 'yta', LineString: 'linje', Point: 'punkt' };

const geometries = (parts: Part[] | null, metadata: Json | null) =>
  (parts ?? []).map((position) => ({
    geometri: { typ: TYP[position.type], koordinatsystemPlan: 'EPSG:3006', dimension: 2, position },
    geometrimetadata: metadata ?? {},
  }));

/** Leaves out members without a value (the schema has no nulls). */
const compact = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

const feature = (properties: Json) => ({ type: 'Feature', geometry: null, properties });

function decision(d: StoredPlanDocument): Json {
  return compact({
    diarienummerKommun: d.diaryNumber,
    datumPaborjat: d.startedDate,
    datumAntagande: d.adoptedDate,
    datumLagakraft: d.legalForceDate ? [d.legalForceDate] : null,
    genomforandetid: d.implementationMonths,
    genomforandetidStartar: d.implementationStartDate,
  });
}

/** Use and building-right regulations for a zone drawn in Etablera. */
function zoneRegulations(d: StoredPlanDocument, planUuid: string, zone: StoredPlanDocument['zones'][number]): Json[] {
  const out: Json[] = [];
  const bestammelsegeometri = geometries(zone.parts, null);
  const useIds: string[] = [];
  for (const code of zone.useCodes) {
    const provision = baseUseProvision(code.charAt(0));
    if (!provision) {
      throw new AppError(409, 'not_exportable', `zone ${zone.ref}: use code ${code} has no base provision in Boverket's catalogue (annan kvartersmark needs its use in words)`);
    }
    const id = nameUuid(`${d.planId}/${zone.ref}/use/${code}`);
    useIds.push(id);
    out.push(feature({
      'feature:typ': 'användningsbestämmelse', detaljplan: planUuid, objektidentitet: id,
      planbestammelsekatalogreferens: provision.id, bestammelseformulering: provision.formulering, bestammelsegeometri,
    }));
  }
  for (const field of Object.keys(EXPORT_PROVISION) as BuildingRightField[]) {
    const value = zone[field];
    if (value === null || value === undefined) continue;
    const catalogueId = EXPORT_PROVISION[field];
    const p = BUILDING_RIGHT_PROVISIONS[catalogueId];
    out.push(feature({
      'feature:typ': 'egenskapsbestämmelse', detaljplan: planUuid, objektidentitet: nameUuid(`${d.planId}/${zone.ref}/${field}`),
      planbestammelsekatalogreferens: catalogueId, bestammelseformulering: p.wording,
      bestammelsevarde: [{ datatyp: 'decimaltal', variabelvarde: String(value), beskrivning: p.variable, vardetyp: 'max', enhet: p.unit }],
      bestammelsegeometri, reglerarAnvandningsbestammelse: useIds,
    }));
  }
  return out;
}

/**
 * The NIS Detaljplan v4 document of a stored plan: a plan imported from one gets its own
 * identities, decisions and regulations back (geometry in EPSG:3006, one part per item);
 * zones drawn in Etablera become use regulations of the catalogue's base provision and
 * property regulations for their building rights, with stable name-based UUIDs.
 */
export function buildPlanDocument(d: StoredPlanDocument): Json {
  const status = NATIONAL_FROM_STATUS[d.status];
  if (!status) throw new AppError(409, 'not_exportable', `plan ${d.planId} is a planning programme: the national format has no such status`);
  if (!d.municipalityName) throw new AppError(409, 'not_exportable', `plan ${d.planId}: its municipality is unknown (no municipality contains its zones)`);
  const planUuid = d.nationalId ?? nameUuid(`${d.planId}/plan`);
  const plan = feature(compact({
    'feature:typ': 'detaljplan',
    objektidentitet: planUuid,
    objektversion: d.nationalVersion ?? d.version,
    versionGiltigFran: new Date(d.versionValidFrom ?? d.updatedAt).toISOString().replace('.000Z', 'Z'),
    kommun: d.municipalityName,
    beteckning: d.designation,
    namn: d.name,
    syfte: d.purpose ?? d.name,
    status,
    datumStatusforandring: d.statusChangedAt,
    typ: d.planType ?? 'detaljplan',
    plangeometri: geometries(d.boundary, d.geometryMetadata),
    beslutsinformation: [decision(d)],
  }));
  const regulations = d.regulations.map((r) => feature(compact({
    'feature:typ': r.kind,
    detaljplan: planUuid,
    objektidentitet: r.nationalId,
    planbestammelsekatalogreferens: r.catalogueId,
    bestammelseformulering: r.wording,
    ursprungligBestammelseformulering: r.originalWording,
    bestammelsevarde: r.values.length ? r.values : null,
    planbestammelsebeskrivning: r.motive === null ? null : { motiv: r.motive },
    reglerarAnvandningsbestammelse: r.regulates,
    bestammelsegeometri: geometries(r.parts, r.geometryMetadata),
  })));
  const drawn = d.zones.flatMap((z) => zoneRegulations(d, planUuid, z));
  return { type: 'FeatureCollection', 'feature:mediatyp': MEDIA_TYPE, features: [plan, ...regulations, ...drawn] };
}
