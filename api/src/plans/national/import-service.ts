import fs from 'node:fs';
import path from 'node:path';
import type { Db, Queryable } from '../../db/pool';
import { withTransaction } from '../../db/transaction';
import { zodMessage } from '../../http/validate';
import { recordChange, type AuditActor } from '../../audit/service';
import { LoadError, type LoadIssue } from '../../layers/load-error';
import { planZoneProperties } from '../schema';
import { transitionProblem } from '../write-status';
import { readNisDocument, type ReadDocument, type ReadRegulation } from './read-document';
import { nationalPlanFields, type NationalPlanFields } from './plan-fields';
import { BUILDING_RIGHT_PROVISIONS, UNINTERPRETED_BUILDING_RIGHTS } from './building-rights';
import { zoneBuildingRights, type RightRegulation, type ZoneRights } from './zone-rights';
import * as repo from './import-repository';
import { MAX_AREA_M2 } from '../../geo/limits';

/** Who the audit log names for an import from a file (no account: a command run by staff). */
export const NIS_IMPORT_ACTOR: AuditActor = { id: null, email: 'system: gis:load NIS Detaljplan v4' };

export interface NisImportSummary {
  planId: string;
  nationalId: string;
  name: string;
  status: string;
  nationalVersion: number;
  outcome: 'created' | 'updated' | 'unchanged';
  zones: number;
  regulations: number;
  zonesWithBuildingRights: number;
  /** What was read but not made into zone fields, and why. */
  notes: string[];
}

const label = (r: ReadRegulation) => `${r.props['feature:typ']} ${r.props.objektidentitet} '${r.props.bestammelseformulering}'`;

/** Parses the file as JSON; undefined when it is not JSON at all (then it is no NIS file). */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new LoadError([{ index: null, reason: `cannot read ${file}: ${(err as Error).message}` }]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new LoadError([{ index: null, reason: `malformed JSON: ${(err as Error).message}` }]);
  }
}

/** `npm run gis:load -- plans <file.json>` for a NIS Detaljplan v4 file. */
export async function importNisFile(db: Db, file: string): Promise<NisImportSummary> {
  return importNisDocument(db, readJsonFile(file), `NIS Detaljplan v4: ${path.basename(file)}`);
}

/**
 * Imports one plan document, all or nothing: the plan (by objektidentitet), a zone per
 * kvartersmark use area with its use codes and building rights, every regulation as
 * delivered. A newer version updates the plan (status forward only) and writes an audit
 * entry; the same version again changes nothing; an older one is refused.
 */
export async function importNisDocument(db: Db, json: unknown, source: string): Promise<NisImportSummary> {
  const doc = readNisDocument(json);
  const fields = nationalPlanFields(doc.plan);
  return withTransaction(db, (c) => importInTransaction(c, doc, fields, source));
}

function checkVersion(found: repo.StoredNationalPlan, f: NationalPlanFields, doc: ReadDocument): 'same' | 'newer' {
  const storedFrom = found.versionValidFrom ? found.versionValidFrom.toISOString() : '';
  const storedVersion = found.nationalVersion ?? 0;
  const planIssue = (reason: string) => new LoadError([{ index: doc.planIndex, ref: f.nationalId, reason: `detaljplan '${f.name}': ${reason}` }]);
  if (f.nationalVersion === storedVersion && f.versionValidFrom === storedFrom) return 'same';
  if (f.nationalVersion < storedVersion || (f.nationalVersion === storedVersion && f.versionValidFrom < storedFrom)) {
    throw planIssue(`objektversion ${f.nationalVersion} (versionGiltigFran ${f.versionValidFrom}) is older than the stored version ${storedVersion} (${storedFrom})`);
  }
  const problem = transitionProblem(found.status, f.status);
  if (problem) throw planIssue(`status: ${problem} (plan ${found.planId})`);
  return 'newer';
}

async function importInTransaction(c: Queryable, doc: ReadDocument, f: NationalPlanFields, source: string): Promise<NisImportSummary> {
  const found = await repo.findNationalPlan(c, f.nationalId);
  const planId = found?.planId ?? f.nationalId;
  const base = { planId, nationalId: f.nationalId, name: f.name, status: f.status, nationalVersion: f.nationalVersion, regulations: doc.regulations.length };
  if (found && checkVersion(found, f, doc) === 'same') {
    return { ...base, outcome: 'unchanged', zones: found.zoneRefs.length, zonesWithBuildingRights: 0, notes: ['this version is loaded already: nothing changed'] };
  }

  const byKey = new Map(doc.regulations.map((r) => [r.props.objektidentitet, r]));
  const issueOf = (key: string, reason: string): LoadIssue => {
    const r = byKey.get(key);
    return r ? { index: r.index, ref: key, reason: `${r.props['feature:typ']} '${r.props.bestammelseformulering}': ${reason}` }
      : { index: doc.planIndex, ref: f.nationalId, reason: `detaljplan '${f.name}': ${reason}` };
  };
  const bad = await repo.stageParts(c, doc.parts);
  if (bad.length) throw new LoadError(bad.map((b) => issueOf(b.key, `geometry part ${b.part}: ${b.reason}`)));
  const outside = await repo.uniteObjects(c);
  if (outside.length) {
    throw new LoadError(outside.map((o) => issueOf(o.key, o.dim === 2
      ? `DP-0003: lies outside the plan area (${o.outside_m2} m² outside, 10 cm tolerance)`
      : 'DP-0003: lies outside the plan area (more than 10 cm)')));
  }

  // Zones: kvartersmark use regulations, those with equal geometry together.
  const useRegs = doc.regulations.filter((r) => r.zoneUse);
  const groupOf = await repo.zoneGroups(c, useRegs.map((r) => r.props.objektidentitet));
  const zones = new Map<string, string[]>();
  for (const r of useRegs) {
    const zoneKey = groupOf.get(r.props.objektidentitet)!;
    const codes = zones.get(zoneKey) ?? [];
    if (!codes.includes(r.zoneUse!)) codes.push(r.zoneUse!);
    zones.set(zoneKey, codes);
  }

  const large = await repo.zonesTooLarge(c, [...zones.keys()]);
  if (large.length) {
    throw new LoadError(large.map((z) => issueOf(z.key, `as a zone: area ${z.km2} km² is larger than a plan zone may be (${MAX_AREA_M2.plans / 1e6} km²)`)));
  }

  const notes: string[] = [];
  const rightRegs = new Map<string, RightRegulation>();
  for (const r of doc.regulations) {
    const provision = BUILDING_RIGHT_PROVISIONS[r.props.planbestammelsekatalogreferens];
    if (provision && r.number !== undefined) rightRegs.set(r.props.objektidentitet, { provision, value: r.number, label: label(r) });
    const unread = UNINTERPRETED_BUILDING_RIGHTS[r.props.planbestammelsekatalogreferens];
    if (unread) notes.push(`${label(r)}: ${unread} is kept with the plan, not a zone field`);
  }
  const rows = await repo.overlay(c, [...zones.keys()], [...rightRegs.keys()]);
  // A zone's ref is its first use regulation's objektidentitet, or the ref of the zone drawn
  // in Etablera this file was exported from.
  const drawn = found ? await repo.drawnZoneRefs(c, planId, [...zones.keys()]) : new Map<string, string>();
  const refOf = (zoneKey: string) => drawn.get(zoneKey) ?? zoneKey;
  const { rights, notes: overlayNotes } = zoneBuildingRights(rows, rightRegs);
  notes.push(...overlayNotes);

  // Each zone against the plans layer's contract (the same rules as a GeoJSON load).
  const zoneProps = new Map<string, ZoneRights>();
  const contractIssues: LoadIssue[] = [];
  for (const [zoneKey, useCodes] of zones) {
    const r = rights.get(zoneKey) ?? {};
    const check = planZoneProperties.safeParse({
      ref: refOf(zoneKey), planId, planName: f.name, status: f.status, useCodes, legalForceDate: f.legalForceDate,
      implementationEndDate: f.implementationEndDate, statusChangedAt: f.statusChangedAt, source, ...r,
    });
    if (!check.success) contractIssues.push(issueOf(zoneKey, `as a zone of the plans layer: ${zodMessage(check.error)}`));
    zoneProps.set(zoneKey, r);
  }
  if (contractIssues.length) throw new LoadError(contractIssues);

  if (!(await repo.upsertNationalPlan(c, planId, f, source))) {
    throw new LoadError([{ index: doc.planIndex, ref: f.nationalId, reason: `detaljplan '${f.name}': planId ${planId} belongs to a plan drawn in Etablera` }]);
  }
  const zoneRefs = [...zones.keys()].map(refOf);
  const dropped = await repo.deleteStale(c, planId, zoneRefs);
  for (const [zoneKey, useCodes] of zones) {
    if (!(await repo.upsertNationalZone(c, refOf(zoneKey), zoneKey, planId, useCodes, zoneProps.get(zoneKey)!, source))) {
      throw new LoadError([issueOf(zoneKey, `zone ref ${refOf(zoneKey)} belongs to another plan's zone`)]);
    }
  }
  for (const [ord, r] of doc.regulations.entries()) {
    const p = r.props;
    await repo.insertRegulation(c, planId, {
      nationalId: p.objektidentitet, ord, kind: p['feature:typ'], catalogueId: p.planbestammelsekatalogreferens,
      wording: p.bestammelseformulering, originalWording: p.ursprungligBestammelseformulering ?? null,
      values: p.bestammelsevarde ?? [], regulates: p.reglerarAnvandningsbestammelse ?? null,
      motive: p.planbestammelsebeskrivning?.motiv ?? null,
      zoneRef: r.zoneUse ? refOf(groupOf.get(p.objektidentitet)!) : null,
      geometryMetadata: p.bestammelsegeometri[0]?.geometrimetadata ?? null,
    });
  }

  const snapshot = (x: { status: string; name: string; nationalVersion: number | null; zones: string[] }) => ({ planId, ...x });
  await recordChange(c, NIS_IMPORT_ACTOR, {
    entity: 'plan',
    ref: planId,
    action: !found ? 'create' : found.status !== f.status ? 'status_change' : 'update',
    before: found ? snapshot({ status: found.status, name: found.name, nationalVersion: found.nationalVersion, zones: found.zoneRefs }) : null,
    after: { ...snapshot({ status: f.status, name: f.name, nationalVersion: f.nationalVersion, zones: zoneRefs.sort() }), source, droppedZones: dropped },
  });
  const zonesWithBuildingRights = [...zoneProps.values()].filter((r) => Object.keys(r).length > 0).length;
  return { ...base, outcome: found ? 'updated' : 'created', zones: zones.size, zonesWithBuildingRights, notes };
}
