// Wires the map page together: language, style, data, legend, popups, search and the URL.
import * as maplibregl from 'maplibre-gl';
import { fetchConfig, fetchLayer, fetchUseCodes, postMatch } from '../shared/api';
import { h } from '../shared/dom';
import { EXPORT_LAYERS, layerDownloads, matchDownloads } from '../shared/downloads';
import { initLang, translator, urlWithLang } from '../shared/i18n';
import type { MatchRequestInput as MatchRequest, UseCode } from '@etablera/contract';
import { MAP_TEXTS } from '../i18n/map';
import { startStyle } from './basemap';
import { factsElement, hoverLabel, layerOf, type T } from './facts';
import { bboxOf, type Bbox } from './geometry';
import { buildLegend } from './legend';
import { ResultsView } from './results';
import { buildSearchForm } from './search-form';
import { paramsFromRequest, requestFromParams } from './search-state';
import { INTERACTIVE_LAYERS, LAYER_GROUPS } from './style';
// MapLibre 6 loads its module worker from next to its own file, which a Vite build does not
// emit unless asked: the worker travels as a hashed asset of this page.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

maplibregl.setWorkerUrl(workerUrl);

// Huddinge, framing Kungens kurva, Flemingsberg and Länna: the view before data arrives.
const HUDDINGE_BOUNDS: Bbox = [17.86, 59.15, 18.2, 59.29];
const RESULT_LAYERS = ['results-point', 'results-fill'];

const byId = <E extends HTMLElement>(id: string) => document.getElementById(id) as E;

/** Fills every `data-i18n` text and `data-i18n-aria-label` of the page. */
function translatePage(t: T): void {
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => (el.textContent = t(el.dataset.i18n as never)));
  document.querySelectorAll<HTMLElement>('[data-i18n-aria-label]').forEach((el) => el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel as never)));
  document.title = `${t('title')} – ${t('tagline')}`;
}

const whenLoaded = (map: maplibregl.Map) => new Promise<void>((resolve) => (map.loaded() ? resolve() : map.once('load', () => resolve())));

export async function startMapPage(): Promise<void> {
  const lang = initLang();
  const t = translator(MAP_TEXTS, lang);
  translatePage(t);
  const mapStatus = byId<HTMLParagraphElement>('map-status');
  const searchStatus = byId<HTMLParagraphElement>('search-status');
  byId('lang-switch').addEventListener('click', () => location.assign(urlWithLang(lang === 'sv' ? 'en' : 'sv')));

  const config = await fetchConfig();
  const { style } = await startStyle(config.basemapStyleUrl);
  const map = new maplibregl.Map({ container: 'map', style, bounds: HUDDINGE_BOUNDS, attributionControl: false, maxZoom: 19 });
  // Test hook: browser tests query rendered features through it, not pixels.
  (window as unknown as { etableraMap: maplibregl.Map }).etableraMap = map;
  map.addControl(new maplibregl.NavigationControl(), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.addControl(new maplibregl.AttributionControl({ compact: false }), 'bottom-right');
  map.on('error', (e) => {
    // Shown, not thrown: one failed tile must not take the page down.
    console.warn('map:', e.error?.message);
    mapStatus.hidden = false;
    mapStatus.classList.add('error');
    mapStatus.textContent = t('loadError', { message: e.error?.message ?? '' });
  });

  let data;
  try {
    const [premises, stops, areas, focus, useCodes] = await Promise.all([
      fetchLayer('premises'),
      fetchLayer('stops'),
      fetchLayer('areas'),
      fetchLayer('municipalities', { relation: 'focus' }),
      fetchUseCodes().catch((): UseCode[] => []),
      whenLoaded(map),
    ]);
    data = { premises, stops, areas, focus, useCodes };
  } catch (err) {
    mapStatus.classList.add('error');
    mapStatus.textContent = t('loadError', { message: (err as Error).message });
    throw err;
  }
  (map.getSource('premises') as maplibregl.GeoJSONSource).setData(data.premises);
  (map.getSource('stops') as maplibregl.GeoJSONSource).setData(data.stops);

  const illustrative = [data.premises, data.stops, data.areas].some((fc) => fc.features.some((f) => f.properties?.illustrative === true));
  const note = byId<HTMLParagraphElement>('illustrative-note');
  if (illustrative) note.hidden = false;

  // Where to look: the chosen area, else all of Huddinge.
  const huddinge = bboxOf(...data.focus.features.map((f) => f.geometry)) ?? HUDDINGE_BOUNDS;
  const areaBoxes = new Map(data.areas.features.map((f) => [String(f.properties?.ref), bboxOf(f.geometry)!]));
  const zoomTo = byId<HTMLSelectElement>('zoom-to');
  zoomTo.replaceChildren(
    h('option', { value: '' }, t('zoomToAll')),
    ...data.areas.features.map((f) => h('option', { value: String(f.properties?.ref) }, String(f.properties?.name ?? f.properties?.ref))),
  );
  zoomTo.addEventListener('change', () => map.fitBounds(areaBoxes.get(zoomTo.value) ?? huddinge, { padding: 40, duration: 600 }));

  const presentCodes = () =>
    new Set(map.querySourceFeatures('plans', { sourceLayer: 'plans' }).map((f) => String(f.properties.useCode)));
  byId('layer-downloads').replaceChildren(layerDownloads(lang, EXPORT_LAYERS));
  const legend = buildLegend(byId('legend'), map, t, lang, data.useCodes, presentCodes);

  // Hover label and click facts for the data layers; a click on a result selects it.
  const hover = new maplibregl.Popup({ closeButton: false, closeOnClick: false, className: 'hover-popup', offset: 10 });
  let clickPopup: maplibregl.Popup | null = null;
  const topFeature = (point: maplibregl.PointLike, layers: string[]) => map.queryRenderedFeatures(point, { layers })[0];
  map.on('mousemove', (e) => {
    const f = topFeature(e.point, [...RESULT_LAYERS, ...INTERACTIVE_LAYERS]);
    map.getCanvas().style.cursor = f ? 'pointer' : '';
    if (!f || RESULT_LAYERS.includes(f.layer.id)) {
      hover.remove();
      return;
    }
    hover.setLngLat(e.lngLat).setText(hoverLabel(layerOf(f.layer.id), f.properties, t)).addTo(map);
  });
  map.getCanvas().addEventListener('mouseleave', () => hover.remove());

  let results: ResultsView;
  map.on('click', (e) => {
    const r = topFeature(e.point, RESULT_LAYERS);
    if (r) {
      results.select(String(r.properties.ref));
      return;
    }
    const f = topFeature(e.point, INTERACTIVE_LAYERS);
    clickPopup?.remove();
    if (!f) return;
    hover.remove();
    const layer = layerOf(f.layer.id);
    // A parcel with no plan zone under the click, while plans are shown: say that no digital
    // plan is loaded there (not that there is no plan: paper plans may exist).
    const plansShown = LAYER_GROUPS.plans.filter((id) => map.getLayoutProperty(id, 'visibility') !== 'none');
    const noDigitalPlan = layer === 'land' && plansShown.length > 0 && map.queryRenderedFeatures(e.point, { layers: plansShown }).length === 0;
    clickPopup = new maplibregl.Popup({ maxWidth: '320px' })
      .setLngLat(e.lngLat)
      .setDOMContent(factsElement(layer, { ...f.properties, noDigitalPlan }, t, lang))
      .addTo(map);
  });

  // The search: form → URL → POST /api/match → list and map; the URL is the state.
  const keepLang = () => ({ lang: new URLSearchParams(location.search).get('lang') });
  results = new ResultsView(map, byId('results-list'), byId('why-not'), t, lang, (ref) => {
    const q = new URLSearchParams(location.search);
    if (ref) q.set('sel', ref);
    else q.delete('sel');
    history.replaceState(null, '', `?${q}`);
  }, new Map(data.areas.features.map((f) => [String(f.properties?.ref), String(f.properties?.name ?? f.properties?.ref)])));
  let inflight: AbortController | null = null;
  // The form's button, once the form is built.
  const submit = () => byId<HTMLButtonElement>('search-submit');

  async function runSearch(r: MatchRequest, selectRef: string | null, announce = false): Promise<void> {
    inflight?.abort();
    const ctrl = (inflight = new AbortController());
    searchStatus.textContent = t('searching');
    searchStatus.classList.remove('error');
    byId('results-section').setAttribute('aria-busy', 'true');
    try {
      const res = await postMatch(r, ctrl.signal);
      if (ctrl.signal.aborted) return;
      results.show(res, r);
      byId('results-downloads').replaceChildren(...(res.results.length ? [matchDownloads(lang, r, (m) => (searchStatus.textContent = m))] : []));
      searchStatus.textContent = t('resultsCount', { n: res.results.length });
      // After a search someone started, take them to the results (below the form on phones).
      if (announce) byId('results-heading').focus();
      if (selectRef) results.select(selectRef);
      else if (res.results.length === 0 && r.areas?.length) {
        const box = bboxOf(...r.areas.flatMap((a) => (areaBoxes.has(a) ? [{ type: 'MultiPoint', coordinates: [areaBoxes.get(a)!.slice(0, 2), areaBoxes.get(a)!.slice(2)] } as GeoJSON.MultiPoint] : [])));
        if (box) map.fitBounds(box, { padding: 40 });
      }
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      results.clear();
      byId('results-downloads').replaceChildren();
      searchStatus.classList.add('error');
      searchStatus.textContent = t('searchError', { message: (err as Error).message });
    } finally {
      if (inflight === ctrl) byId('results-section').removeAttribute('aria-busy');
      submit().disabled = false;
    }
  }

  const form = buildSearchForm(byId('search-form'), data.areas.features.map((f) => ({ ref: String(f.properties?.ref), name: String(f.properties?.name ?? f.properties?.ref) })), t, (r) => {
    history.pushState(null, '', `?${paramsFromRequest(r, keepLang())}`);
    submit().disabled = true;
    void runSearch(r, null, true);
  });
  const fromUrl = () => {
    const q = new URLSearchParams(location.search);
    const r = requestFromParams(q);
    form.fill(r);
    if (r) void runSearch(r, q.get('sel'));
    else {
      results.clear();
      searchStatus.textContent = '';
    }
    return r;
  };
  window.addEventListener('popstate', fromUrl);
  const initial = fromUrl();
  if (!initial) map.fitBounds(huddinge, { padding: 20, duration: 0 });

  // Ready for people and tests once the first full render with data is done.
  map.once('idle', () => {
    legend.refreshPlans();
    if (!illustrative) {
      const tiled = ['land', 'plans'].some((s) => map.querySourceFeatures(s, { sourceLayer: s }).some((f) => f.properties.illustrative === true));
      if (tiled) note.hidden = false;
    }
    mapStatus.hidden = true;
    mapStatus.textContent = '';
    document.body.setAttribute('data-map-ready', 'true');
  });
  map.on('moveend', () => legend.refreshPlans());
}
