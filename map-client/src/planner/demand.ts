// Unmet demand as a table and an SVG bar chart (unmet of all requests per use, band, area).
import { h } from '../shared/dom';
import { formatNumber, type Lang } from '../shared/i18n';
import type { UnmetDemandResponse, UnmetRow } from './data';
import { REASON_NAMES, USE_NAMES } from './texts';

const NS = 'http://www.w3.org/2000/svg';
type Tr = (k: string, v?: Record<string, string | number>) => string;

const label = (r: UnmetRow, lang: Lang, tr: Tr, areaNames: Map<string, string>) =>
  `${USE_NAMES[r.use][lang]} ${r.sizeBand} · ${r.areaRef ? areaNames.get(r.areaRef) ?? r.areaRef : tr('noPreferredArea')}`;

export function demandChart(u: UnmetDemandResponse, lang: Lang, tr: Tr, areaNames: Map<string, string>): Element {
  const rowH = 24, left = 260, width = 900, top = 6;
  const height = top + rowH * u.rows.length + 6;
  const max = Math.max(1, ...u.rows.map((r) => r.totalRequests));
  const scale = (n: number) => (n / max) * (width - left - 60);
  const el = (tag: string, attrs: Record<string, string | number>, text?: string) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
  // role=img needs a name (WCAG 1.1.1); the table beside it holds the same figures.
  const name = lang === 'en' ? 'Unmet demand per use, size band and area (bar chart; the table has the figures)' : 'Ej mött efterfrågan per användning, storlek och område (stapeldiagram; tabellen har siffrorna)';
  const root = el('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': name, class: 'demand-chart' });
  u.rows.forEach((r, i) => {
    const y = top + i * rowH;
    const g = el('g', { 'data-use': r.use, 'data-band': r.sizeBand, 'data-area': r.areaRef ?? '' });
    g.append(
      el('text', { x: left - 6, y: y + 16, 'font-size': 11, 'text-anchor': 'end' }, label(r, lang, tr, areaNames)),
      el('rect', { x: left, y: y + 4, width: scale(r.totalRequests), height: rowH - 8, fill: '#d9e2ef' }),
      el('rect', { x: left, y: y + 4, width: scale(r.requests), height: rowH - 8, fill: '#c0504d', class: 'unmet-bar' }),
      el('text', { x: left + scale(r.totalRequests) + 6, y: y + 16, 'font-size': 11 }, `${r.requests} / ${r.totalRequests}`),
      el('title', {}, r.summary[lang]),
    );
    root.append(g);
  });
  return root;
}

export function demandTable(u: UnmetDemandResponse, lang: Lang, tr: Tr, areaNames: Map<string, string>): HTMLElement {
  if (u.rows.length === 0) return h('p', { id: 'no-demand' }, tr('noDemand'));
  return h('table', { class: 'figures', id: 'demand-figures' },
    h('thead', {}, h('tr', {}, ...['use', 'sizeBand', 'area', 'requests', 'totalRequests', 'dominant', 'onceInForce', 'summary'].map((k) => h('th', { scope: 'col' }, tr(k))))),
    h('tbody', {}, ...u.rows.map((r) =>
      h('tr', { 'data-use': r.use, 'data-band': r.sizeBand, 'data-area': r.areaRef ?? '' },
        h('td', {}, USE_NAMES[r.use][lang]),
        h('td', {}, r.sizeBand),
        h('td', {}, r.areaRef ? areaNames.get(r.areaRef) ?? r.areaRef : tr('noPreferredArea')),
        h('td', { class: 'num', 'data-field': 'requests', 'data-value': r.requests }, formatNumber(r.requests, lang)),
        h('td', { class: 'num', 'data-field': 'totalRequests', 'data-value': r.totalRequests }, formatNumber(r.totalRequests, lang)),
        h('td', { 'data-field': 'dominantReason', 'data-value': r.dominantReason ?? '' }, r.dominantReason ? REASON_NAMES[r.dominantReason][lang] : '–'),
        h('td', { class: 'num', 'data-field': 'onceInForce', 'data-value': r.onceInForce.hectares }, formatNumber(r.onceInForce.hectares, lang, 1)),
        h('td', { 'data-field': 'summary' }, r.summary[lang]),
      ))),
  );
}
