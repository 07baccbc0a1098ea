// The plan pipeline as an SVG timeline: one line per plan from the day it entered its
// status to its (expected) legal force date, a tick where its implementation period ends.
import type { PlanStatus } from '@etablera/contract';
import { h } from '../shared/dom';
import { formatDate, type Lang } from '../shared/i18n';
import type { PipelineResponse, PipelinePlan } from './data';
import { STATUS_NAMES } from './texts';

const NS = 'http://www.w3.org/2000/svg';
const STATUS_COLOURS: Record<PlanStatus, string> = {
  programme: '#b4a7d6', started: '#d5a6bd', consultation: '#f6b26b', review: '#e69138', adopted: '#6fa8dc',
  appealed: '#a64d79', supervision: '#3d85c6', in_force: '#1d6a35', cancelled: '#999999', discontinued: '#666666',
};

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const target = (p: PipelinePlan) => (p.status === 'in_force' ? p.legalForceDate : p.expectedLegalForceDate);

export function timeline(p: PipelineResponse, lang: Lang, labels: { today: string }): Element {
  const dates = p.plans.flatMap((x) => [x.statusChangedAt, target(x), x.implementationEndDate]).filter((d): d is string => !!d);
  dates.push(p.today);
  const min = new Date(Math.min(...dates.map(t))).getUTCFullYear();
  const max = new Date(Math.max(...dates.map(t))).getUTCFullYear() + 1;
  const left = 190, right = 20, rowH = 22, top = 24;
  const width = 900, height = top + rowH * p.plans.length + 10;
  const x = (iso: string) => left + ((t(iso) - Date.UTC(min, 0, 1)) / (Date.UTC(max, 0, 1) - Date.UTC(min, 0, 1))) * (width - left - right);
  // role=img needs a name (WCAG 1.1.1); the plans' own titles stay inside for hover.
  const name = lang === 'en' ? `Timeline of ${p.plans.length} detailed plans` : `Tidslinje för ${p.plans.length} detaljplaner`;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': name, class: 'timeline' });
  const step = Math.max(1, Math.ceil((max - min) / 12));
  for (let y = min; y <= max; y += step) {
    const xx = x(`${y}-01-01`);
    root.append(svg('line', { x1: xx, x2: xx, y1: top - 6, y2: height, stroke: '#ddd' }), svg('text', { x: xx, y: 14, 'font-size': 11, 'text-anchor': 'middle' }, String(y)));
  }
  const now = x(p.today);
  root.append(svg('line', { x1: now, x2: now, y1: top - 6, y2: height, stroke: '#c00', 'stroke-dasharray': '4 3' }), svg('text', { x: now + 3, y: top - 8, 'font-size': 10, fill: '#c00' }, labels.today));
  p.plans.forEach((plan, i) => {
    const y = top + i * rowH + rowH / 2;
    const g = svg('g', { 'data-plan': plan.planId, 'data-status': plan.status, 'data-year': plan.year });
    const status = STATUS_NAMES[plan.status][lang];
    g.append(svg('text', { x: 4, y: y + 4, 'font-size': 11 }, `${plan.planId} · ${status}${plan.stuck ? ' ⚠' : ''}`));
    const from = plan.statusChangedAt ?? target(plan);
    const to = target(plan) ?? p.today;
    const colour = STATUS_COLOURS[plan.status] ?? '#666';
    if (from) g.append(svg('line', { x1: x(from), x2: Math.max(x(from), x(to)), y1: y, y2: y, stroke: colour, 'stroke-width': 6, 'stroke-linecap': 'round' }));
    const milestone = target(plan);
    if (milestone) g.append(svg('circle', { cx: x(milestone), cy: y, r: 5, fill: colour, stroke: '#fff' }));
    if (plan.implementationEndDate) {
      const e = x(plan.implementationEndDate);
      g.append(svg('line', { x1: e, x2: e, y1: y - 7, y2: y + 7, stroke: plan.implementationEndsSoon ? '#c00' : '#555', 'stroke-width': 2 }));
    }
    const title = [plan.name, status, milestone ? formatDate(milestone, lang) : null, plan.implementationEndDate ? `⟂ ${formatDate(plan.implementationEndDate, lang)}` : null]
      .filter(Boolean).join(' · ');
    g.append(svg('title', {}, title));
    root.append(g);
  });
  return root;
}

/** The two lists a planner acts on: implementation periods ending, plans stuck. */
export function pipelineLists(p: PipelineResponse, lang: Lang, tr: (k: string, v?: Record<string, string | number>) => string): HTMLElement {
  const item = (x: PipelinePlan, extra: string) => h('li', { 'data-plan': x.planId }, `${x.planId} ${x.name} – ${extra}`);
  return h('div', { class: 'lists' },
    h('div', { id: 'ending-soon' }, h('h3', {}, tr('endingSoon', { years: p.implementationWindowYears })),
      p.implementationEndingSoon.length
        ? h('ul', {}, ...p.implementationEndingSoon.map((x) => item(x, formatDate(x.implementationEndDate!, lang))))
        : h('p', {}, tr('none'))),
    h('div', { id: 'stuck' }, h('h3', {}, tr('stuck', { days: p.stuckAfterDays })),
      p.stuck.length
        ? h('ul', {}, ...p.stuck.map((x) => item(x, `${STATUS_NAMES[x.status][lang]}, ${x.daysInStatus} ${lang === 'sv' ? 'dagar' : 'days'}`)))
        : h('p', {}, tr('none'))),
  );
}
