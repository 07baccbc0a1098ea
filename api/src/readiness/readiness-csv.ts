import { EXCLUSION_REASONS } from '../contract/enums';
import { h, toCsv as csvOf, type Cell, type Lang } from '../csv/csv';
import type { Figures, Readiness } from './figures';
import type { Pipeline } from './pipeline';
import type { UnmetDemand } from './unmet-demand';

/** Readiness files open in Excel: a BOM, and `;` with decimal commas in Swedish. */
export const toCsv = (headers: string[], rows: Cell[][], lang: Lang) => csvOf([headers, ...rows], { lang, bom: true });

/** Readiness as CSV: one line per area and use, then the municipality's lines (area "0126"). */
export function readinessCsv(r: Readiness, lang: Lang): string {
  const all = [...r.rows, ...r.municipality];
  const years = [...new Set(all.flatMap((x) => Object.keys(x.inProgressHa)))].sort((a, b) =>
    a === 'unknown' ? 1 : b === 'unknown' ? -1 : a.localeCompare(b),
  );
  const headers = [
    h(lang, 'Område', 'Area'),
    h(lang, 'Användning', 'Use'),
    h(lang, 'Mark med plan i laga kraft (ha)', 'Ready land, plans in force (ha)'),
    h(lang, 'Mark i pågående planer (ha)', 'Land in plans in progress (ha)'),
    ...years.map((y) => (y === 'unknown' ? h(lang, 'varav okänt år (ha)', 'of which year unknown (ha)') : h(lang, `varav ${y} (ha)`, `of which ${y} (ha)`))),
    h(lang, 'Lediga lokaler (m²)', 'Vacant premises (m²)'),
    h(lang, 'Byggrätt BTA (m²)', 'Permitted gross floor area (m²)'),
    h(lang, 'Återstående byggrätt (m²)', 'Remaining building rights (m²)'),
  ];
  const line = (area: string, use: string, f: Figures): Cell[] => [
    area,
    use,
    f.readyHa,
    Math.round(Object.values(f.inProgressHa).reduce((a, b) => a + b, 0) * 10000) / 10000,
    ...years.map((y) => f.inProgressHa[y] ?? 0),
    f.vacantPremisesM2,
    f.grossFloorAreaM2,
    f.remainingBuildingRightsM2,
  ];
  const muni = h(lang, `kommunen (${r.municipalityCode})`, `municipality (${r.municipalityCode})`);
  return toCsv(headers, [...r.rows.map((x) => line(x.areaRef, x.use, x)), ...r.municipality.map((x) => line(muni, x.use, x))], lang);
}

/** The pipeline as CSV: one line per plan with its dates and flags. */
export function pipelineCsv(p: Pipeline, lang: Lang): string {
  const yes = (b: boolean) => (b ? h(lang, 'ja', 'yes') : h(lang, 'nej', 'no'));
  const headers = [
    h(lang, 'Plan-id', 'Plan id'), h(lang, 'Namn', 'Name'), h(lang, 'Status', 'Status'), h(lang, 'År', 'Year'),
    h(lang, 'Laga kraft', 'Legal force date'), h(lang, 'Väntad laga kraft', 'Expected legal force date'),
    h(lang, 'Genomförandetid slutar', 'Implementation period ends'), h(lang, 'Status sedan', 'Status since'),
    h(lang, 'Dagar i status', 'Days in status'), h(lang, 'Genomförandetid slutar inom 2 år', 'Implementation ends within 2 years'),
    h(lang, 'Fastnat', 'Stuck'), h(lang, 'Områden', 'Areas'), h(lang, 'Användning', 'Use codes'),
    h(lang, 'Planområde (ha)', 'Zone area (ha)'), h(lang, 'Byggrätt BTA (m²)', 'Gross floor area (m²)'),
  ];
  const rows = p.plans.map((x): Cell[] => [
    x.planId, x.name, x.status, x.year, x.legalForceDate, x.expectedLegalForceDate, x.implementationEndDate,
    x.statusChangedAt, x.daysInStatus, yes(x.implementationEndsSoon), yes(x.stuck), x.areaRefs.join(' '),
    x.useCodes.join(' '), x.zoneHa, x.grossFloorAreaM2,
  ]);
  return toCsv(headers, rows, lang);
}

const REASONS = EXCLUSION_REASONS;

/** Unmet demand as CSV: one line per use, size band and area, with the reasons as columns. */
export function unmetDemandCsv(u: UnmetDemand, lang: Lang): string {
  const headers = [
    h(lang, 'Användning', 'Use'), h(lang, 'Storlek (m²)', 'Size band (m²)'), h(lang, 'Område', 'Area'),
    h(lang, 'Ej uppfyllda förfrågningar', 'Unmet requests'), h(lang, 'Alla förfrågningar', 'All requests'),
    ...REASONS, h(lang, 'Främsta skäl', 'Dominant reason'), h(lang, 'Andel', 'Share'),
    h(lang, 'Uppfylls när planer vinner laga kraft', 'Met once plans are in force'),
    h(lang, 'Mark i pågående planer (ha)', 'Land in plans in progress (ha)'), h(lang, 'Sammanfattning', 'Summary'),
  ];
  const rows = u.rows.map((r): Cell[] => [
    r.use, r.sizeBand, r.areaRef ?? h(lang, '(inget önskat)', '(none named)'), r.requests, r.totalRequests,
    ...REASONS.map((k) => r.reasons[k] ?? 0), r.dominantReason, r.dominantShare, r.onceInForce.requests,
    r.onceInForce.hectares, r.summary[lang],
  ]);
  return toCsv(headers, rows, lang);
}
