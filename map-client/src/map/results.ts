// Ranked results: the list (keyboard-usable), numbered markers, the result shapes on the
// map (top sites with a thick outline), "why not more", and selecting one.
import * as maplibregl from 'maplibre-gl';
import { h, setChildren } from '../shared/dom';
import { formatDate, formatM2, formatNumber, type Lang } from '../shared/i18n';
import { EXCLUSION_REASONS, type MatchRequestInput as MatchRequest, type MatchResponse, type MatchResult } from '@etablera/contract';
import type { MapKey } from '../i18n/map';
import type { T } from './facts';
import { bboxOf, labelPoint, type Bbox } from './geometry';

/** How many of the first results count as "top sites" (outlined on the map). */
export const TOP_SITES = 3;

const pct = (score: number) => Math.round(score * 100);

/** "12 för små, 4 fel detaljplan", in the order the API checks the reasons. */
export function whyNotMore(excluded: MatchResponse['excluded'], t: T): string {
  const parts = EXCLUSION_REASONS.filter((r) => (excluded[r] ?? 0) > 0).map((r) => t(`excl_${r}` satisfies MapKey, { n: excluded[r] }));
  return parts.length ? parts.join(', ') : t('noneExcluded');
}

export class ResultsView {
  private markers: maplibregl.Marker[] = [];
  private results: MatchResult[] = [];
  private popup: maplibregl.Popup | null = null;
  private selectedRef: string | null = null;
  private request: MatchRequest | null = null;

  constructor(
    private readonly map: maplibregl.Map,
    private readonly list: HTMLOListElement,
    private readonly why: HTMLElement,
    private readonly t: T,
    private readonly lang: Lang,
    /** Called with the ref of the selected result (null when cleared), to keep the URL. */
    private readonly onSelect: (ref: string | null) => void,
    /** Area names by ref, for people rather than slugs. */
    private readonly areaNames: Map<string, string> = new Map(),
  ) {
    list.addEventListener('keydown', (e) => this.arrowKeys(e));
  }

  /** The results shown now (for the test hook and the URL). */
  get current(): MatchResult[] {
    return this.results;
  }

  clear(): void {
    this.markers.forEach((m) => m.remove());
    this.markers = [];
    this.results = [];
    this.popup?.remove();
    this.selectedRef = null;
    this.list.replaceChildren();
    this.why.textContent = '';
    this.source()?.setData({ type: 'FeatureCollection', features: [] });
  }

  /** Shows a response to `request`: list, markers and shapes; the view fits all results. */
  show(res: MatchResponse, request?: MatchRequest): void {
    this.clear();
    this.request = request ?? null;
    this.results = res.results;
    this.why.replaceChildren(h('strong', {}, `${this.t('whyNotMore')} `), whyNotMore(res.excluded, this.t));
    if (res.results.length === 0) {
      setChildren(this.list, h('li', { class: 'empty' }, this.t('noResults')));
    } else {
      setChildren(this.list, res.results.map((r) => this.item(r)));
    }
    this.source()?.setData({
      type: 'FeatureCollection',
      features: res.results.map((r) => ({
        type: 'Feature',
        geometry: r.geometry,
        properties: { ref: r.ref, rank: r.rank, kind: r.kind, score: r.score, top: r.rank <= TOP_SITES },
      })),
    });
    for (const r of [...res.results].reverse()) {
      const el = h('button', { type: 'button', class: `result-marker${r.rank <= TOP_SITES ? ' top' : ''}`, 'aria-label': `${r.rank}: ${r.ref}`, tabindex: -1 }, String(r.rank));
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        this.select(r.ref);
      });
      this.markers.push(new maplibregl.Marker({ element: el }).setLngLat(labelPoint(r.geometry)).addTo(this.map));
    }
    const box = bboxOf(...res.results.map((r) => r.geometry));
    if (box) this.fit(box, 15);
  }

  /** Selects a result: highlights it, flies to it and opens its facts. */
  select(ref: string): void {
    const r = this.results.find((x) => x.ref === ref);
    if (!r) return;
    if (this.selectedRef) this.map.setFeatureState({ source: 'results', id: this.selectedRef }, { selected: false });
    this.selectedRef = ref;
    this.map.setFeatureState({ source: 'results', id: ref }, { selected: true });
    this.list.querySelectorAll('.result').forEach((el) => el.setAttribute('aria-current', String((el as HTMLElement).dataset.ref === ref)));
    const box = bboxOf(r.geometry)!;
    this.popup?.remove();
    // Opened where the flight ends, so it is placed (and anchored) for the final view.
    this.map.once('moveend', () => {
      if (this.selectedRef !== ref) return;
      this.popup = new maplibregl.Popup({ maxWidth: '320px', focusAfterOpen: false, offset: 18 })
        .setLngLat(labelPoint(r.geometry))
        .setDOMContent(this.facts(r, 'h3'))
        .addTo(this.map);
    });
    this.fit(box, r.geometry.type === 'Point' ? 16 : 16.5);
    this.onSelect(ref);
  }

  private fit(box: Bbox, maxZoom: number): void {
    const narrow = this.map.getContainer().clientWidth < 500;
    this.map.fitBounds(box, { padding: narrow ? 30 : 80, maxZoom, duration: 600 });
  }

  private source(): maplibregl.GeoJSONSource | undefined {
    return this.map.getSource('results') as maplibregl.GeoJSONSource | undefined;
  }

  /** Up/down arrows move between results; Home/End jump. */
  private arrowKeys(e: KeyboardEvent): void {
    const buttons = [...this.list.querySelectorAll<HTMLButtonElement>('button.result')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, next))].focus();
  }

  private item(r: MatchResult): HTMLLIElement {
    const t = this.t;
    return h('li', { class: `result-item${r.rank <= TOP_SITES ? ' top' : ''}` },
      h('button', { type: 'button', class: 'result', 'data-ref': r.ref, 'aria-current': 'false', onclick: () => this.select(r.ref) },
        h('span', { class: 'rank', 'aria-hidden': 'true' }, String(r.rank)),
        h('span', { class: 'result-title' }, h('span', { class: 'visually-hidden' }, `${r.rank}. `), r.ref,
          h('small', {}, ` · ${t(`kind_${r.kind}` as MapKey)}${r.areaRef ? ` · ${this.areaNames.get(r.areaRef) ?? r.areaRef}` : ''}`)),
        h('span', { class: 'score', title: t('score', { score: pct(r.score) }) }, String(pct(r.score)))),
      this.facts(r, 'h4'));
  }

  /** A Swedish explanation of a criterion from the result's own facts (null when it has none). */
  private swedishDetail(name: string, r: MatchResult): string | null {
    const lang = this.lang;
    const t = this.t;
    switch (name) {
      case 'transit':
        return r.transit
          ? t('distance', { m: formatNumber(Math.round(r.transit.distanceM), lang), name: r.transit.name, mode: t(`mode_${r.transit.mode}` as MapKey) })
          : t('noStop');
      case 'size':
        return this.request
          ? `${formatM2(r.usableAreaM2, lang)} ${r.kind === 'land' ? 'användbar mark' : 'lokalyta'}; minst ${formatM2(this.request.minAreaM2, lang)} efterfrågas`
          : null;
      case 'readiness':
        if (r.kind === 'premises') return r.readyDate ? `ledig från ${formatDate(r.readyDate, lang)}` : 'ledig nu';
        if (r.readiness === 'ready') return `detaljplan med laga kraft${r.planIds.length ? ` (${r.planIds.join(', ')})` : ''}`;
        return `detaljplan pågår, väntas vinna laga kraft ${r.readyDate ? formatDate(r.readyDate, lang) : '(datum okänt)'}`;
      default:
        return null;
    }
  }

  /** A result's facts and its score per criterion (list item and popup alike). */
  private facts(r: MatchResult, heading: 'h3' | 'h4'): HTMLElement {
    const t = this.t;
    const lang = this.lang;
    const readiness = r.readiness === 'ready' ? t('ready')
      : `${t('in_progress')} (${t('readyDate')} ${r.readyDate ? formatDate(r.readyDate, lang) : t('readyUnknown')})`;
    const transit = r.transit
      ? t('distance', { m: formatNumber(Math.round(r.transit.distanceM), lang), name: r.transit.name, mode: t(`mode_${r.transit.mode}` as MapKey) })
      : t('noStop');
    // In the popup (h3) the facts scroll: focusable and named, so a keyboard can scroll them (WCAG 2.1.1).
    const popup = heading === 'h3';
    return h('div', { class: 'result-facts', tabindex: popup ? 0 : null, role: popup ? 'region' : null, 'aria-label': popup ? `${r.rank}. ${r.ref}` : null },
      popup ? h('h3', {}, `${r.rank}. ${r.ref}`) : null,
      h('p', { class: 'score-line' }, t('score', { score: pct(r.score) })),
      h('dl', {},
        h('dt', {}, t('usableArea')), h('dd', {}, formatM2(r.usableAreaM2, lang)),
        h('dt', {}, t('readiness')), h('dd', {}, readiness),
        r.planIds.length ? [h('dt', {}, t('plans')), h('dd', {}, r.planIds.join(', '))] : null,
        h('dt', {}, t('nearestStop')), h('dd', {}, transit)),
      h(heading, { class: 'criteria-heading' }, t('criteriaHeading')),
      h('ul', { class: 'criteria' },
        Object.entries(r.criteria).map(([name, c]) => {
          const label = t(`crit_${name}` as MapKey);
          const own = this.lang === 'sv' ? this.swedishDetail(name, r) : null;
          return h('li', {},
            h('span', { class: 'criterion-name' }, t('criterionLine', { name: label, score: pct(c.score), weight: formatNumber(c.weight, lang, 2) })),
            h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${pct(c.score)}%` })),
            // The service explains in English: in Swedish the facts are restated where the
            // result carries them, else the English text is marked as such for screen readers.
            own ? h('span', { class: 'criterion-detail' }, own) : h('span', { class: 'criterion-detail', lang: 'en' }, c.detail));
        })));
  }
}
