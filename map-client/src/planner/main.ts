// The planner's view (planberedskap): readiness choropleth and table, the plan pipeline as
// a timeline, unmet demand as chart and table; each exportable as CSV; Swedish or English.
import { MATCH_USES, type MatchUse } from '@etablera/contract';
import 'maplibre-gl/dist/maplibre-gl.css';
import './planner.css';
import { fetchLayer } from '../shared/api';
import { h, setChildren } from '../shared/dom';
import { layerDownloads } from '../shared/downloads';
import { initLang, rememberLang, translator, type Lang } from '../shared/i18n';
import { Choropleth } from './choropleth';
import { fetchPipeline, fetchReadiness, fetchUnmetDemand, type PipelineResponse, type ReadinessResponse, type UnmetDemandResponse } from './data';
import { demandChart, demandTable } from './demand';
import { readinessTable } from './readiness-table';
import { TEXTS, USE_NAMES } from './texts';
import { pipelineLists, timeline } from './timeline';

const $ = (id: string) => document.getElementById(id)!;
let lang: Lang = initLang();
const tr = (k: string, v?: Record<string, string | number>) => translator(TEXTS, lang)(k as keyof typeof TEXTS.sv, v);

interface State { readiness: ReadinessResponse; pipeline: PipelineResponse; demand: UnmetDemandResponse; areaNames: Map<string, string>; use: MatchUse }
const isUse = (u: string | null): u is MatchUse => (MATCH_USES as readonly (string | null)[]).includes(u);

function renderStatic(): void {
  document.documentElement.lang = lang;
  document.title = `Etablera – ${tr('title')}`;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = tr(el.dataset.i18n!);
  $('lang-switch').textContent = tr('switchTo');
  for (const [id, path] of [['readiness-csv', '/api/readiness'], ['pipeline-csv', '/api/readiness/pipeline'], ['demand-csv', '/api/readiness/unmet-demand']]) {
    $(id).setAttribute('href', `${path}?format=csv&lang=${lang}`);
  }
  setChildren($('layer-downloads'), layerDownloads(lang, ['plans', 'land', 'premises', 'areas']));
}

async function render(s: State, map: Choropleth): Promise<void> {
  renderStatic();
  const note = $('illustrative-note');
  note.hidden = !(s.readiness.illustrative || s.pipeline.illustrative);
  note.textContent = tr('illustrative');
  const select = $('use-select') as HTMLSelectElement;
  setChildren(select, ...MATCH_USES.map((u) => h('option', { value: u, selected: u === s.use }, USE_NAMES[u][lang])));
  setChildren($('readiness-table'), readinessTable(s.readiness, s.use, lang, tr, s.areaNames));
  setChildren($('pipeline-timeline'), timeline(s.pipeline, lang, { today: tr('today') }));
  setChildren($('pipeline-lists'), pipelineLists(s.pipeline, lang, tr));
  setChildren($('demand-chart'), s.demand.rows.length ? demandChart(s.demand, lang, tr, s.areaNames) : null);
  setChildren($('demand-table'), demandTable(s.demand, lang, tr, s.areaNames));
  await map.show(s.readiness, s.use, lang, $('readiness-legend'), tr('legendTitle'));
}

async function start(): Promise<void> {
  renderStatic();
  const [readiness, pipeline, demand, areas] = await Promise.all([fetchReadiness(), fetchPipeline(), fetchUnmetDemand(), fetchLayer('areas')]);
  const areaNames = new Map(areas.features.map((f) => [String(f.properties?.ref), String(f.properties?.name ?? f.properties?.ref)]));
  const asked = new URLSearchParams(location.search).get('use');
  const state: State = { readiness, pipeline, demand, areaNames, use: isUse(asked) ? asked : 'logistics' };
  const map = new Choropleth('planner-map', areas);
  // Test hook: browser tests query rendered features through it, not pixels.
  (window as unknown as { etableraMap: unknown }).etableraMap = map.map;
  const rerender = () => {
    document.body.removeAttribute('data-planner-ready');
    render(state, map).then(() => document.body.setAttribute('data-planner-ready', 'true')).catch(showError);
  };
  ($('use-select') as HTMLSelectElement).addEventListener('change', (e) => {
    state.use = (e.target as HTMLSelectElement).value as MatchUse;
    rerender();
  });
  $('lang-switch').addEventListener('click', () => {
    lang = lang === 'sv' ? 'en' : 'sv';
    rememberLang(lang);
    history.replaceState(null, '', `?lang=${lang}`);
    rerender();
  });
  rerender();
}

function showError(err: unknown): void {
  console.error(err);
  const msg = h('p', { class: 'error', role: 'alert' }, tr('loadFailed', { what: 'planberedskap', message: (err as Error).message }));
  document.querySelector('main')?.prepend(msg);
}

start().catch(showError);
