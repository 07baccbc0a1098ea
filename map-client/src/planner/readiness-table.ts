// The readiness figures as a table: one row per area and use, then the municipality's rows.
import type { MatchUse } from '@etablera/contract';
import { h } from '../shared/dom';
import { formatNumber, type Lang } from '../shared/i18n';
import { inProgressTotal, type Figures, type ReadinessResponse } from './data';
import { USE_NAMES } from './texts';


/** A figure cell carrying its raw value (data-value) for tests and copy-paste. */
const num = (field: string, v: number | null, lang: Lang, digits: number, empty: string) =>
  h('td', { class: 'num', 'data-field': field, 'data-value': v === null ? 'null' : v }, v === null ? empty : formatNumber(v, lang, digits));

function years(f: Figures, lang: Lang, unknown: string): string {
  return Object.entries(f.inProgressHa)
    .map(([y, ha]) => `${y === 'unknown' ? unknown : y}: ${formatNumber(ha, lang, 1)}`)
    .join(', ');
}

export function readinessTable(r: ReadinessResponse, use: string | null, lang: Lang, tr: (k: string) => string, areaNames: Map<string, string>): HTMLElement {
  const rows = r.rows.filter((x) => !use || x.use === use);
  const muni = r.municipality.filter((x) => !use || x.use === use);
  const line = (scope: string, label: string, x: Figures & { use: MatchUse }, cls = '') =>
    h('tr', { class: cls, 'data-area': scope, 'data-use': x.use },
      h('th', { scope: 'row' }, label),
      h('td', {}, USE_NAMES[x.use][lang]),
      num('readyHa', x.readyHa, lang, 1, tr('noFigure')),
      h('td', { class: 'num', 'data-field': 'inProgressHa', 'data-value': inProgressTotal(x), title: years(x, lang, tr('unknownYear')) },
        formatNumber(inProgressTotal(x), lang, 1),
        Object.keys(x.inProgressHa).length ? h('small', {}, ` (${years(x, lang, tr('unknownYear'))})`) : null),
      num('vacantPremisesM2', x.vacantPremisesM2, lang, 0, tr('noFigure')),
      num('grossFloorAreaM2', x.grossFloorAreaM2, lang, 0, tr('noFigure')),
      h('td', { 'data-field': 'remainingBuildingRightsM2' }, x.remainingBuildingRightsM2 === null ? tr('remainingUnknown') : formatNumber(x.remainingBuildingRightsM2, lang)),
    );
  return h('table', { class: 'figures', id: 'readiness-figures' },
    h('thead', {}, h('tr', {}, ...['area', 'use', 'readyHa', 'inProgressHa', 'vacantPremisesM2', 'grossFloorAreaM2', 'remaining'].map((k) => h('th', { scope: 'col' }, tr(k))))),
    h('tbody', {},
      ...rows.map((x) => line(x.areaRef, areaNames.get(x.areaRef) ?? x.areaRef, x)),
      ...muni.map((x) => line('municipality', tr('municipality'), x, 'municipality'))),
  );
}
