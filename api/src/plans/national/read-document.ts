import GJV from 'geojson-validation';
import type { ZodError, ZodType } from 'zod';
import { LoadError, type LoadIssue } from '../../layers/load-error';
import { zodMessage } from '../../http/validate';
import {
  MEDIA_TYPE, planProperties, regulationProperties,
  type Bestammelsevarde, type Geometribeskrivning, type PlanProperties, type RegulationProperties,
} from './document';
import { useLetter, useProvision, catalogueRelease, type UseProvision } from './catalogue';
import { BUILDING_RIGHT_PROVISIONS } from './building-rights';

/** One geometry part as delivered, before PostGIS transforms and unites it. */
export interface GeometryPart {
  /** 'plan' or the regulation's objektidentitet */
  key: string;
  srid: number;
  geometry: { type: string };
}

export interface ReadRegulation {
  index: number;
  props: RegulationProperties;
  /** The use provision of a use regulation (any form). */
  use?: UseProvision;
  /** Etablera's use code when it is a kvartersmark use regulation: it becomes a zone. */
  zoneUse?: string;
  /** The first decimal value, parsed, for building-right provisions. */
  number?: number;
}

export interface ReadDocument {
  planIndex: number;
  plan: PlanProperties;
  regulations: ReadRegulation[];
  parts: GeometryPart[];
}

const PLAN_TYPES: Record<string, string[]> = {
  plan: ['yta', 'multiyta'],
  användningsbestämmelse: ['yta', 'multiyta'],
  egenskapsbestämmelse: ['yta', 'multiyta', 'linje', 'multilinje', 'punkt', 'multipunkt'],
  'administrativ bestämmelse': ['yta', 'multiyta', 'linje', 'multilinje', 'punkt', 'multipunkt'],
};
const GEOJSON_TYPE: Record<string, string> = {
  yta: 'Polygon', multiyta: 'MultiPolygon', linje: 'LineString', multilinje: 'MultiLineString', punkt: 'Point', multipunkt: 'MultiPoint',
};

/** "12.5" or "12,5" (producers differ on the decimal sign); undefined when not a number. */
export function parseDecimal(s: string): number | undefined {
  const t = s.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

/** The variable tokens of a wording, in order: `[utnyttjandegrad:decimaltal]` → { name, type }. */
export function variableTokens(wording: string): Array<{ name: string; type: string }> {
  return [...wording.matchAll(/\[([^\]:]+):([^\]]+)\]/g)].map((m) => ({ name: m[1], type: m[2] }));
}

/** True when a parsed JSON value is a NIS Detaljplan v4 document (or means to be one). */
export function isNisDocument(json: unknown): boolean {
  if (!json || typeof json !== 'object') return false;
  const o = json as Record<string, unknown>;
  if (o['feature:mediatyp'] !== undefined) return true;
  const features = Array.isArray(o.features) ? o.features : [];
  return features.some((f) => f && typeof f === 'object' && (f as { properties?: Record<string, unknown> }).properties?.['feature:typ'] !== undefined);
}

/** Problems with the geometries of one object: types, GeoJSON structure, DP-0010, 3-D. */
function geometryIssues(list: Geometribeskrivning[], allowed: string[], member: string): string[] {
  const out: string[] = [];
  for (const [i, g] of list.entries()) {
    const at = `${member}[${i}].geometri`;
    if (!allowed.includes(g.geometri.typ)) out.push(`${at}.typ: '${g.geometri.typ}' is not supported here (${allowed.join(', ')})`);
    else if (g.geometri.position.type !== GEOJSON_TYPE[g.geometri.typ]) {
      out.push(`${at}.position: a ${g.geometri.typ} must be a GeoJSON ${GEOJSON_TYPE[g.geometri.typ]}, not ${String(g.geometri.position.type)}`);
    } else {
      const trace = GJV.valid(g.geometri.position, true) as string[];
      if (trace.length) out.push(`${at}.position: ${trace.join('; ')}`);
    }
    if (g.geometri.dimension !== 2) out.push(`${at}.dimension: only 2-D geometries are read (3-D volumes are not supported)`);
    if (g.geometri.absolutLagesosakerhetPlan !== undefined || g.geometri.absolutLagesosakerhetHojd !== undefined) {
      out.push(`${at}: DP-0010: absolutLagesosakerhetPlan/Hojd must not be given`);
    }
  }
  return out;
}

/** DP-0009 and DP-0022: one value per variable token, in order, by name; decimals carry vardetyp and enhet. */
function valueIssues(wording: string, values: Bestammelsevarde[]): string[] {
  const out: string[] = [];
  const tokens = variableTokens(wording);
  if (tokens.length !== values.length) {
    out.push(`DP-0022: the wording has ${tokens.length} variable(s) but ${values.length} value(s) are given`);
  }
  for (const [i, v] of values.entries()) {
    const t = tokens[i];
    if (t && t.name !== v.beskrivning) out.push(`bestammelsevarde[${i}]: DP-0022: value for '${v.beskrivning}' where the wording's variable ${i + 1} is '${t.name}'`);
    if (t && t.type !== v.datatyp) out.push(`bestammelsevarde[${i}]: DP-0022: datatyp '${v.datatyp}' where the wording says '${t.type}'`);
    if (v.datatyp === 'decimaltal') {
      if (!v.vardetyp) out.push(`bestammelsevarde[${i}] '${v.beskrivning}': DP-0009: a decimaltal needs vardetyp (min, max or exakt)`);
      if (!v.enhet) out.push(`bestammelsevarde[${i}] '${v.beskrivning}': DP-0009: a decimaltal needs enhet`);
      if (parseDecimal(v.variabelvarde) === undefined) out.push(`bestammelsevarde[${i}] '${v.beskrivning}': '${v.variabelvarde}' is not a decimal number`);
    }
  }
  return out;
}

/** Catalogue checks: use regulations name a use provision of the shipped release; building rights carry their unit. */
function catalogueIssues(r: ReadRegulation): string[] {
  const p = r.props;
  const ref = p.planbestammelsekatalogreferens;
  const entry = useProvision(ref);
  if (p['feature:typ'] === 'användningsbestämmelse') {
    if (!entry) {
      return [`planbestammelsekatalogreferens ${ref}: not a use provision of Boverket's catalogue release ${catalogueRelease()} (unknown, or no longer in force)`];
    }
    r.use = entry;
    if (entry.anvandningsform === 'Kvartersmark') r.zoneUse = useLetter(entry);
    return [];
  }
  if (entry) return [`planbestammelsekatalogreferens ${ref}: names the use provision ${entry.kod}, but this is an ${p['feature:typ']}`];
  const right = BUILDING_RIGHT_PROVISIONS[ref];
  if (!right) return [];
  const values = (p.bestammelsevarde ?? []).filter((v) => v.datatyp === 'decimaltal');
  if (values.length !== 1) return [`${right.field}: the building-right provision needs exactly one decimal value, found ${values.length}`];
  const v = values[0];
  const out: string[] = [];
  if (v.enhet && v.enhet !== right.unit) out.push(`bestammelsevarde '${v.beskrivning}': enhet must be '${right.unit}' for this provision, not '${v.enhet}'`);
  if (v.vardetyp && v.vardetyp !== 'max') out.push(`bestammelsevarde '${v.beskrivning}': vardetyp must be 'max' for this provision, not '${v.vardetyp}'`);
  const n = parseDecimal(v.variabelvarde);
  if (n !== undefined && n <= 0) out.push(`bestammelsevarde '${v.beskrivning}': must be greater than 0`);
  if (n !== undefined && right.unit === 'procent' && right.field === 'maxBuildingAreaPercent' && n > 100) {
    out.push(`bestammelsevarde '${v.beskrivning}': a building area cannot exceed 100 % of the property`);
  }
  r.number = n;
  return out;
}

const describe = (p: { 'feature:typ': string; bestammelseformulering?: string; namn?: string }) =>
  p['feature:typ'] === 'detaljplan' ? `detaljplan '${p.namn}'` : `${p['feature:typ']} '${p.bestammelseformulering}'`;

function parseWithIssue<T extends ZodType>(schema: T, value: unknown): { data?: ReturnType<T['parse']>; error?: string } {
  const r = schema.safeParse(value);
  return r.success ? { data: r.data as ReturnType<T['parse']> } : { error: zodMessage(r.error as ZodError) };
}

/**
 * Reads and checks a parsed v4 document without a database: the schema's required members
 * and enums, one plan per file, regulations pointing at it, DP-0009/0010/0022, and the
 * catalogue. Throws a LoadError naming each object (feature index, objektidentitet) and the
 * rule it breaks; geometry validity and position are checked later by PostGIS.
 */
export function readNisDocument(json: unknown): ReadDocument {
  const issues: LoadIssue[] = [];
  const top = (json ?? {}) as Record<string, unknown>;
  if (top.type !== 'FeatureCollection') issues.push({ index: null, reason: 'type: must be "FeatureCollection"' });
  if (top['feature:mediatyp'] !== MEDIA_TYPE) {
    issues.push({ index: null, reason: `feature:mediatyp: must be "${MEDIA_TYPE}" (found ${JSON.stringify(top['feature:mediatyp'] ?? null)})` });
  }
  if (!Array.isArray(top.features)) throw new LoadError([...issues, { index: null, reason: 'features: must be an array' }]);

  let planIndex = -1;
  let plan: PlanProperties | undefined;
  const regulations: ReadRegulation[] = [];
  const parts: GeometryPart[] = [];
  const seen = new Map<string, number>();

  for (const [index, f] of (top.features as unknown[]).entries()) {
    const feature = (f ?? {}) as Record<string, unknown>;
    const props = (feature.properties ?? {}) as Record<string, unknown>;
    const ref = typeof props.objektidentitet === 'string' ? props.objektidentitet : undefined;
    const add = (reason: string) => issues.push({ index, ref, reason });
    if (feature.type !== 'Feature') add('type: must be "Feature"');
    if (feature.geometry !== null) add('geometry: must be null (v4 carries geometry in plangeometri/bestammelsegeometri)');
    const kind = props['feature:typ'];
    if (ref) {
      if (seen.has(ref)) add(`objektidentitet: feature ${seen.get(ref)} has the same objektidentitet`);
      else seen.set(ref, index);
    }
    if (kind === 'detaljplan') {
      if (plan) {
        add(`a file holds one plan: feature ${planIndex} is the detaljplan already`);
        continue;
      }
      const { data, error } = parseWithIssue(planProperties, props);
      if (error || !data) {
        add(`detaljplan: ${error}`);
        continue;
      }
      plan = data;
      planIndex = index;
      for (const problem of geometryIssues(data.plangeometri, PLAN_TYPES.plan, 'plangeometri')) add(`${describe(data)}: ${problem}`);
      data.plangeometri.forEach((g) => parts.push({ key: 'plan', srid: Number(g.geometri.koordinatsystemPlan.slice(5)), geometry: g.geometri.position }));
      continue;
    }
    const { data, error } = parseWithIssue(regulationProperties, props);
    if (error || !data) {
      add(`${typeof kind === 'string' ? kind : 'feature:typ missing'}: ${error}`);
      continue;
    }
    const r: ReadRegulation = { index, props: data };
    const problems = [
      ...geometryIssues(data.bestammelsegeometri, PLAN_TYPES[data['feature:typ']], 'bestammelsegeometri'),
      ...valueIssues(data.bestammelseformulering, data.bestammelsevarde ?? []),
      ...catalogueIssues(r),
    ];
    for (const problem of problems) add(`${describe(data)}: ${problem}`);
    regulations.push(r);
    data.bestammelsegeometri.forEach((g) => parts.push({ key: data.objektidentitet, srid: Number(g.geometri.koordinatsystemPlan.slice(5)), geometry: g.geometri.position }));
  }

  if (!plan) {
    if (!issues.some((i) => i.reason.startsWith('detaljplan:'))) issues.push({ index: null, reason: 'the file has no feature with feature:typ "detaljplan"' });
  } else {
    for (const r of regulations) {
      if (r.props.detaljplan !== plan.objektidentitet) {
        issues.push({ index: r.index, ref: r.props.objektidentitet, reason: `${describe(r.props)}: detaljplan: ${r.props.detaljplan} is not this file's plan ${plan.objektidentitet}` });
      }
    }
    issues.push(...planRuleIssues(plan, planIndex));
  }
  if (issues.length) throw new LoadError(issues.sort((a, b) => (a.index ?? -1) - (b.index ?? -1)));
  return { planIndex, plan: plan!, regulations, parts };
}

/** DP-0005 and DP-0017: what a plan in force must carry (Etablera needs its legal force date). */
function planRuleIssues(plan: PlanProperties, index: number): LoadIssue[] {
  const out: LoadIssue[] = [];
  const add = (reason: string) => out.push({ index, ref: plan.objektidentitet, reason: `detaljplan '${plan.namn}': ${reason}` });
  if (plan.status === 'laga kraft') {
    if (!plan.beteckning) add('beteckning: DP-0005: required when the status is laga kraft');
    if (!plan.beslutsinformation.some((b) => (b.datumLagakraft ?? []).length > 0)) {
      add('beslutsinformation: DP-0017: datumLagakraft is required when the status is laga kraft');
    }
  }
  for (const [i, b] of plan.beslutsinformation.entries()) {
    if (b.genomforandetid !== undefined && !b.genomforandetidStartar) {
      add(`beslutsinformation[${i}]: DP-0017: genomforandetid is given without genomforandetidStartar`);
    }
  }
  return out;
}
