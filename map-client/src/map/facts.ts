// The facts of a feature, as a popup body and as a one-line hover label. Values are
// written with textContent (via h), never as HTML: properties come from user-edited data.
import { h } from '../shared/dom';
import { formatDate, formatM2, formatNumber, formatSek, type Lang } from '../shared/i18n';
import type { MapKey } from '../i18n/map';

export type T = (key: MapKey, vars?: Record<string, string | number>) => string;
type Props = Record<string, unknown>;

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : v != null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
const bool = (v: unknown) => v === true || v === 'true';

/** The layer a rendered feature belongs to, from its style layer id. */
export function layerOf(styleLayerId: string): string {
  return styleLayerId.split('-')[0];
}

/** A short label for hover. */
export function hoverLabel(layer: string, p: Props, t: T): string {
  switch (layer) {
    case 'plans':
      return `${str(p.planName) ?? str(p.planId)} · ${t(`plan_${p.status}` as MapKey)} · ${str(p.useCodes) ?? ''}`;
    case 'land':
      // z10 and below: the tile leaves the designation out (api/src/tiles/tile-land.sql)
      return `${str(p.ref) ? `${p.ref} · ` : ''}${t(`status_${p.status}` as MapKey)}`;
    case 'premises':
      return `${p.title} · ${t(`kindname_${p.kind}` as MapKey)}`;
    case 'stops':
      return `${p.name} · ${t(`mode_${p.mode}` as MapKey)}${bool(p.planned) ? ` · ${t('planned')}` : ''}`;
    case 'areas':
      return String(p.name ?? p.ref);
    default:
      return String(p.name ?? p.ref ?? '');
  }
}

/** Rows of facts for a feature: [label, value] pairs, empty values left out. */
export function factRows(layer: string, p: Props, t: T, lang: Lang): Array<[string, string]> {
  const rows: Array<[string, string | null]> = [];
  const date = (v: unknown) => (str(v) ? formatDate(String(v), lang) : null);
  if (layer === 'plans') {
    const useNames = str(lang === 'sv' ? p.useNamesSv : p.useNamesEn);
    rows.push(
      [t('fact_plan'), `${str(p.planName) ?? ''} (${str(p.designation) ?? p.planId})`],
      [t('fact_status'), t(`plan_${p.status}` as MapKey)],
      [t('fact_use'), `${str(p.useCodes) ?? ''}${useNames ? ` – ${useNames}` : ''}`],
      [t('fact_legalForce'), date(p.legalForceDate)],
      [t('fact_expected'), p.status === 'in_force' ? null : date(p.expectedLegalForceDate)],
      [t('fact_implementationEnd'), date(p.implementationEndDate)],
      [t('fact_gfa'), num(p.maxGrossFloorAreaM2) !== null ? formatM2(num(p.maxGrossFloorAreaM2)!, lang) : null],
      [t('fact_gfaPct'), num(p.maxGrossFloorAreaPercent) !== null ? `${formatNumber(num(p.maxGrossFloorAreaPercent)!, lang, 1)} %` : null],
      [t('fact_buildingArea'), num(p.maxBuildingAreaM2) !== null ? formatM2(num(p.maxBuildingAreaM2)!, lang) : null],
      [t('fact_buildingAreaPct'), num(p.maxBuildingAreaPercent) !== null ? `${formatNumber(num(p.maxBuildingAreaPercent)!, lang, 1)} %` : null],
      [t('fact_height'), num(p.maxHeightM) !== null ? t('metres', { n: formatNumber(num(p.maxHeightM)!, lang, 1) }) : null],
      [t('fact_area'), num(p.areaM2) !== null ? formatM2(num(p.areaM2)!, lang) : null],
    );
  } else if (layer === 'land') {
    rows.push(
      [t('fact_status'), t(`status_${p.status}` as MapKey)],
      [t('fact_owner'), `${t(`owner_${p.ownerType}` as MapKey)}${str(p.ownerName) ? ` – ${p.ownerName}` : ''}`],
      [t('fact_area'), num(p.areaM2) !== null ? formatM2(num(p.areaM2)!, lang) : null],
      [t('fact_price'), num(p.priceSekPerM2) !== null ? formatSek(num(p.priceSekPerM2)!, lang, 'm²') : null],
      [t('fact_plan'), bool(p.noDigitalPlan) ? t('noDigitalPlan') : null],
    );
  } else if (layer === 'premises') {
    rows.push(
      [t('fact_kind'), t(`kindname_${p.kind}` as MapKey)],
      [t('fact_floorArea'), num(p.floorAreaM2) !== null ? formatM2(num(p.floorAreaM2)!, lang) : null],
      [t('fact_rent'), num(p.rentSekPerM2Year) !== null ? formatSek(num(p.rentSekPerM2Year)!, lang, lang === 'sv' ? 'm² och år' : 'm²/year') : null],
      [t('fact_availability'), str(p.availableFrom) ? t('fact_availableFrom', { date: formatDate(String(p.availableFrom), lang) }) : t('fact_availableNow')],
      [t('fact_status'), t(`status_${p.status}` as MapKey)],
      [t('fact_address'), str(p.address)],
      [t('fact_listing'), bool(p.stale) ? t('staleListing') : null],
    );
  } else if (layer === 'stops') {
    rows.push(
      [t('fact_mode'), t(`mode_${p.mode}` as MapKey)],
      [t('planned'), bool(p.planned) ? (num(p.openingYear) ? t('opening', { year: String(p.openingYear) }) : t('planned')) : null],
    );
  } else if (layer === 'areas') {
    rows.push(
      [t('fact_profile'), str(p.profile)],
      [t('fact_area'), num(p.areaHa) !== null ? `${formatNumber(num(p.areaHa)!, lang, 1)} ha` : null],
    );
  } else if (layer === 'municipalities') {
    rows.push([t('fact_status'), t(p.relation === 'focus' ? 'fact_relation_focus' : 'fact_relation_neighbour')]);
  }
  return rows.filter((r): r is [string, string] => r[1] !== null);
}

/** The popup body: a title, a definition list of facts, and the illustrative note. */
export function factsElement(layer: string, p: Props, t: T, lang: Lang): HTMLElement {
  const title = layer === 'premises' ? str(p.title) : layer === 'stops' || layer === 'areas' || layer === 'municipalities' ? str(p.name) : str(p.ref);
  return h('div', { class: 'facts' },
    h('h3', {}, title ?? String(p.ref ?? '')),
    h('dl', {}, factRows(layer, p, t, lang).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    bool(p.illustrative) ? h('p', { class: 'illustrative-tag' }, t('fact_illustrative')) : null,
  );
}
