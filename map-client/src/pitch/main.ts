// The investor pitch (pitch.html?token=…&lang=sv|en): public, read-only, no personal data.
// All wording comes from the API (GET /api/pitch/:token), so page, print and PDF agree.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './pitch.css';
import type { FeatureCollection } from 'geojson';
import type { Lang, Pitch } from '@etablera/contract';
import { ApiError, call, fetchJson } from '../shared/api';
import { initLang, rememberLang } from '../shared/i18n';
// MapLibre 6 loads its module worker from next to its own file, which a Vite build does not
// emit unless asked: the worker travels as a hashed asset of this page.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

maplibregl.setWorkerUrl(workerUrl);

const params = new URLSearchParams(location.search);
const token = params.get('token') ?? '';
const $ = (id: string) => document.getElementById(id)!;
let map: maplibregl.Map | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function showError(status: number, message: string): void {
  const e = $('pitch-error');
  e.hidden = false;
  e.textContent =
    status === 410 ? `Länken gäller inte längre. / This link is no longer valid. (${message})`
    : status === 404 ? 'Länken finns inte. / This link does not exist.'
    : message;
  document.body.setAttribute('data-ready', 'error');
}

function renderMap(p: Pitch): void {
  const features = p.sites.map((s) => ({ type: 'Feature' as const, geometry: s.geometry, properties: { number: s.number } }));
  const bounds = new maplibregl.LngLatBounds();
  for (const s of p.sites) bounds.extend(s.point.coordinates);
  const draw = () => {
    const source = map!.getSource('sites') as maplibregl.GeoJSONSource | undefined;
    if (source) source.setData({ type: 'FeatureCollection', features });
    else {
      map!.addSource('sites', { type: 'geojson', data: { type: 'FeatureCollection', features } });
      map!.addLayer({ id: 'sites-fill', type: 'fill', source: 'sites', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#1f3a93', 'fill-opacity': 0.3 } });
      map!.addLayer({ id: 'sites-line', type: 'line', source: 'sites', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'line-color': '#1f3a93', 'line-width': 2 } });
    }
    document.querySelectorAll('.marker').forEach((m) => m.remove());
    for (const s of p.sites) {
      const m = el('div', String(s.number), 'marker');
      m.title = s.name;
      new maplibregl.Marker({ element: m }).setLngLat(s.point.coordinates).addTo(map!);
    }
    map!.fitBounds(bounds, { padding: 60, maxZoom: 15, duration: 0 });
    map!.once('idle', () => document.body.setAttribute('data-map-ready', 'true'));
  };
  if (!map) {
    map = new maplibregl.Map({
      container: 'pitch-map',
      style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1ec' } }] },
      bounds,
      fitBoundsOptions: { padding: 60, maxZoom: 15 },
      attributionControl: false,
      // keeps the drawn map in the canvas so printing shows it
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    // Test hook: browser tests query rendered features through it, not pixels.
    (window as unknown as { etableraPitchMap: maplibregl.Map }).etableraPitchMap = map;
    map.on('load', () => {
      void addContext(map!).finally(draw);
    });
  } else draw();
}

/** The business areas and rail stations around the sites, from the public read API, for orientation. */
async function addContext(m: maplibregl.Map): Promise<void> {
  const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const get = (url: string) => fetchJson<FeatureCollection>(url).catch(() => empty);
  try {
    const [areas, stops] = await Promise.all([get('/api/areas'), get('/api/stops?mode=commuter_rail,metro,tram')]);
    m.addSource('areas', { type: 'geojson', data: areas });
    m.addLayer({ id: 'areas-fill', type: 'fill', source: 'areas', paint: { 'fill-color': '#e6d3a3', 'fill-opacity': 0.35 } });
    m.addLayer({ id: 'areas-line', type: 'line', source: 'areas', paint: { 'line-color': '#8a6d3b', 'line-width': 1.5, 'line-dasharray': [2, 2] } });
    m.addSource('stations', { type: 'geojson', data: stops });
    m.addLayer({ id: 'stations', type: 'circle', source: 'stations', paint: { 'circle-radius': 5, 'circle-color': '#fff', 'circle-stroke-color': '#c0392b', 'circle-stroke-width': 2 } });
  } catch {
    // orientation only: the sites are drawn without it
  }
}

function render(p: Pitch): void {
  document.documentElement.lang = p.lang;
  document.title = p.title;
  $('pitch-title').textContent = p.title;
  $('pitch-intro').textContent = p.intro;
  const ill = $('pitch-illustrative');
  ill.hidden = !p.illustrative;
  ill.textContent = p.illustrativeText;
  $('print').textContent = p.labels.print;
  const pdf = $('pdf') as HTMLAnchorElement;
  pdf.textContent = p.labels.pdf;
  pdf.href = `/api/pitch/${encodeURIComponent(token)}/pdf?lang=${p.lang}`;
  $('lang-sv').setAttribute('aria-pressed', String(p.lang === 'sv'));
  $('lang-en').setAttribute('aria-pressed', String(p.lang === 'en'));

  const sites = p.sites.map((s) => {
    const sec = el('section', undefined, 'site');
    sec.dataset.ref = s.ref;
    const h2 = el('h2');
    h2.append(el('span', String(s.number), 'num'), ` ${s.name} `, el('small', [s.kindText, s.areaName].filter(Boolean).join(' · ')));
    const dl = el('dl');
    for (const f of s.facts) {
      const dd = el('dd', f.text);
      dd.dataset.fact = f.key;
      dl.append(el('dt', f.label), dd);
    }
    sec.append(h2, dl);
    return sec;
  });
  $('pitch-sites').replaceChildren(...sites);
  const areas = p.areas.map((a) => {
    const sec = el('section', undefined, 'area');
    sec.append(el('h3', a.name), el('p', a.profile ?? ''));
    if (a.strengths.length) {
      const ul = el('ul');
      for (const s of a.strengths) ul.append(el('li', s));
      sec.append(ul);
    }
    if (a.transit) sec.append(el('p', a.transit));
    return sec;
  });
  $('pitch-areas').replaceChildren(...(areas.length ? [el('h2', p.labels.areas), ...areas] : []));
  $('pitch-footer').textContent = `${p.labels.expires} ${p.expiresAt.slice(0, 10)} · Huddinge kommun`;
  renderMap(p);
  document.body.setAttribute('data-ready', p.lang);
}

async function load(lang: Lang): Promise<void> {
  document.body.removeAttribute('data-ready');
  try {
    // no cookie: the pitch is public and must read the same signed in or not
    render((await call<Pitch>('GET', `/api/pitch/${encodeURIComponent(token)}?lang=${lang}`, { credentials: 'omit' })).data);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    showError(err.status, err.message);
  }
}

function switchTo(lang: Lang): void {
  rememberLang(lang);
  params.set('lang', lang);
  history.replaceState(null, '', `${location.pathname}?${params}`);
  void load(lang);
}

$('lang-sv').addEventListener('click', () => switchTo('sv'));
$('lang-en').addEventListener('click', () => switchTo('en'));
$('print').addEventListener('click', () => window.print());
void load(initLang());
