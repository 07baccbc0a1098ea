// The editor page (editor.html): sign in, then draw and edit premises, plan zones or land
// parcels in SWEREF 99 TM, each save guarded by If-Match; Swedish or English.
import './editor.css';
import type Feature from 'ol/Feature';
import type Geometry from 'ol/geom/Geometry';
import type { Feature as GeoJsonFeature, Polygon } from 'geojson';
import { h, setChildren } from '../shared/dom';
import { initLang, rememberLang, translator, type Lang } from '../shared/i18n';
import { formatM2 } from '../shared/i18n';
import * as api from './api';
import { DEFAULTS, DRAW_ORDER, etagOf, FIELDS, GEOMETRY_OF, LAYERS_OF, type LayerName } from './fields';
import { readForm, renderForm, showProblems } from './form';
import { checkPolygon } from './geometry-checks';
import { EditorMap } from './map';
import { TEXTS, type TextKey } from './texts';
import { validate, type Problems } from './validation';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
let lang: Lang = initLang();
const tr = (key: TextKey, vars?: Record<string, string | number>) => translator(TEXTS, lang)(key, vars);

interface Editing {
  feature: Feature<Geometry>;
  isNew: boolean;
  etag: string | null;
  /** the stored properties (null for new) and geometry, to cancel and to judge status moves */
  stored: Record<string, unknown> | null;
  storedGeometry: Geometry | null;
  geometryChanged: boolean;
}

const state: { user: api.User | null; layer: LayerName; editing: Editing | null } = { user: null, layer: 'premises', editing: null };
const editorMap = new EditorMap($('map'));
const form = $<HTMLFormElement>('feature-form');

// Test and debugging hook, as the public map has window.etableraMap.
(window as unknown as { etableraEditor: unknown }).etableraEditor = {
  map: editorMap.map,
  pixelOf: (c: [number, number]) => editorMap.map.getPixelFromCoordinate(c),
  state,
};

function renderStatic(): void {
  document.documentElement.lang = lang;
  document.title = tr('title');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = tr(el.dataset.i18n as TextKey);
  $('lang-switch').textContent = tr('switchTo');
  $('lang-switch').setAttribute('lang', lang === 'sv' ? 'en' : 'sv');
  if (state.user) $('who').textContent = tr('who', { name: state.user.name, role: tr(`role_${state.user.role}` as TextKey) });
}

/** A message under the form; `actions` are buttons such as Reload and Compare. */
function say(text: string, kind: 'info' | 'error' = 'info', ...actions: HTMLElement[]): void {
  const box = $('message');
  box.hidden = false;
  box.className = `ed-message ed-${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  setChildren(box, h('p', {}, text), actions.length ? h('div', { class: 'ed-actions' }, actions) : null);
}

function clearMessage(): void {
  $('message').hidden = true;
}

// ---- geometry: live checks while drawing and modifying ------------------------------------

function geometryVerdict(g: Geometry | null): { ok: boolean; text: string } {
  if (!g) return { ok: false, text: tr('noGeometry') };
  const type = g.getType();
  if (type === 'Point') {
    const [e, n] = (g as unknown as { getCoordinates(): number[] }).getCoordinates();
    return { ok: true, text: tr('point', { e: Math.round(e), n: Math.round(n) }) };
  }
  const rings = (g as unknown as { getCoordinates(): number[][][] }).getCoordinates();
  const v = checkPolygon(type === 'Polygon' ? rings : []);
  if (v.ok) return { ok: true, text: tr('area', { area: formatM2(v.areaM2 ?? 0, lang) }) };
  if (v.reason === 'tooFewCorners') return { ok: false, text: tr('tooFewCorners') };
  return { ok: false, text: `${tr('area', { area: formatM2(v.areaM2, lang) })}. ${tr('selfIntersection', { e: Math.round(v.at[0]), n: Math.round(v.at[1]) })}` };
}

editorMap.onGeometryChange = (g) => {
  if (state.editing && g === state.editing.feature.getGeometry() && state.editing.storedGeometry) {
    state.editing.geometryChanged = true;
  }
  const v = geometryVerdict(g);
  const info = $('geometry-info');
  info.textContent = v.text;
  info.classList.toggle('ed-bad', !v.ok);
};

// ---- editing a feature ---------------------------------------------------------------------

function startEditing(feature: Feature<Geometry>, isNew: boolean): void {
  const props = feature.getProperties();
  delete props.geometry;
  state.editing = {
    feature,
    isNew,
    etag: isNew ? null : etagOf(state.layer, props),
    stored: isNew ? null : props,
    storedGeometry: isNew ? null : feature.getGeometry()!.clone(),
    geometryChanged: isNew,
  };
  editorMap.select(feature);
  renderForm(form, state.layer, isNew ? { ...DEFAULTS[state.layer] } : props, isNew, tr);
  appendFormButtons();
  form.hidden = false;
  $('cancel-edit').hidden = false;
  $('hint').textContent = tr('hintModify');
  clearMessage();
}

function appendFormButtons(): void {
  const e = state.editing!;
  const buttons: HTMLElement[] = [h('button', { type: 'submit', class: 'ed-primary', id: 'save' }, tr('save'))];
  if (state.layer === 'premises' && !e.isNew) {
    buttons.push(h('button', { type: 'button', id: 'confirm', onclick: () => void confirmListing(String(e.stored!.ref)) }, tr('confirm')));
    if (e.stored!.status !== 'withdrawn') buttons.push(h('button', { type: 'button', id: 'withdraw', onclick: () => void withdraw() }, tr('withdraw')));
  }
  const stale = state.layer === 'premises' && e.stored?.stale === true;
  form.append(...(stale ? [h('p', { class: 'ed-warning', id: 'stale-note' }, tr('staleNote'))] : []), h('div', { class: 'ed-actions' }, buttons));
}

function stopEditing(revert: boolean): void {
  const e = state.editing;
  editorMap.stopDraw();
  if (e && revert) {
    if (e.isNew) editorMap.remove(e.feature);
    else if (e.storedGeometry) e.feature.setGeometry(e.storedGeometry);
  }
  state.editing = null;
  editorMap.select(null);
  form.hidden = true;
  $('cancel-edit').hidden = true;
  $('hint').textContent = tr('hintSelect');
  $('geometry-info').textContent = '';
}

function problemsOf(e: Editing, props: Record<string, unknown>): Problems {
  return validate(state.layer, props, e.isNew, e.stored ?? undefined);
}

async function save(): Promise<void> {
  const e = state.editing;
  if (!e) return;
  const props = readForm(form, state.layer, e.isNew);
  const problems = problemsOf(e, props);
  showProblems(form, problems, tr);
  const geometry = geometryVerdict(e.feature.getGeometry() ?? null);
  if (Object.keys(problems).length) return say(tr('fixFields'), 'error');
  if (!geometry.ok) return say(geometry.text, 'error');
  const feature: GeoJsonFeature = {
    type: 'Feature',
    geometry: e.isNew || e.geometryChanged ? editorMap.geometryOf(e.feature) : (undefined as unknown as Polygon),
    properties: props,
  };
  try {
    const res = e.isNew ? await api.createFeature(state.layer, feature) : await api.updateFeature(state.layer, String(e.stored!.ref), e.etag!, feature);
    editorMap.apply(e.feature, res.data as never);
    startEditing(e.feature, false);
    say(tr('saved'));
    await refreshMine();
  } catch (err) {
    handleError(err, props);
  }
}

function handleError(err: unknown, mine?: Record<string, unknown>): void {
  if (!(err instanceof api.ApiError)) return say(String(err), 'error');
  if (err.status === 412) {
    const current = err.body.current as GeoJsonFeature | undefined;
    return say(
      tr('conflict'),
      'error',
      h('button', { type: 'button', id: 'reload', onclick: () => void reload() }, tr('reload')),
      h('button', { type: 'button', id: 'compare', onclick: () => compare(mine ?? {}, current?.properties ?? {}) }, tr('compare')),
    );
  }
  if (err.status === 401) {
    void boot();
    return;
  }
  // "field: message" from the API: mark that field too
  const field = /^(\w+):/.exec(err.message)?.[1];
  if (field && FIELDS[state.layer].some((f) => f.name === field)) {
    const row = form.querySelector(`[data-field="${field}"] .ed-problem`);
    if (row) row.textContent = err.message.slice(field.length + 1).trim();
  }
  const known = `code_${err.code}` in TEXTS.sv ? tr(`code_${err.code}` as TextKey) : err.status === 403 ? tr('forbidden') : '';
  say(`${known} ${tr('serverSays', { message: err.message })}`.trim(), 'error');
}

function compare(mine: Record<string, unknown>, theirs: Record<string, unknown>): void {
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join(', ') : String(v));
  const rows = FIELDS[state.layer]
    .filter((f) => f.name in mine && show(mine[f.name]) !== show(theirs[f.name]))
    .map((f) => h('tr', {}, h('th', { scope: 'row' }, tr(`f_${f.name}` as TextKey)), h('td', {}, show(mine[f.name])), h('td', {}, show(theirs[f.name]))));
  const table = h(
    'table',
    { class: 'ed-compare', id: 'compare-table' },
    h('thead', {}, h('tr', {}, h('th', {}, tr('compareField')), h('th', {}, tr('compareMine')), h('th', {}, tr('compareTheirs')))),
    h('tbody', {}, rows),
  );
  $('message').append(table);
}

async function reload(): Promise<void> {
  const e = state.editing;
  if (!e?.stored) return;
  const res = await api.getFeature(state.layer, String(e.stored.ref));
  editorMap.apply(e.feature, res.data as never);
  startEditing(e.feature, false);
}

async function withdraw(): Promise<void> {
  const e = state.editing;
  if (!e?.stored) return;
  try {
    const res = await api.updateFeature('premises', String(e.stored.ref), e.etag!, { type: 'Feature', geometry: undefined as never, properties: { status: 'withdrawn' } });
    editorMap.apply(e.feature, res.data as never);
    startEditing(e.feature, false);
    say(tr('withdrawn'));
    await refreshMine();
  } catch (err) {
    handleError(err);
  }
}

async function confirmListing(ref: string): Promise<void> {
  try {
    const res = await api.confirmPremises(ref);
    const f = editorMap.editable.getFeatureById(ref) as Feature<Geometry> | null;
    if (f) {
      editorMap.apply(f, res.data as never);
      if (state.editing?.feature === f) startEditing(f, false);
    }
    say(tr('confirmed'));
    await refreshMine();
  } catch (err) {
    handleError(err);
  }
}

// ---- the owner's own listings, with the one-click "still available" ------------------------

async function refreshMine(): Promise<void> {
  const isOwner = state.user?.role === 'owner';
  $('mine-heading').hidden = !isOwner;
  $('mine-list').hidden = !isOwner;
  if (!isOwner) return;
  const mine = await api.loadLayer('premises', true);
  const items = mine.features.map((f) => {
    const p = f.properties ?? {};
    return h(
      'li',
      { 'data-ref': String(p.ref), class: p.stale ? 'ed-stale' : '' },
      h('button', { type: 'button', class: 'ed-link', onclick: () => selectByRef(String(p.ref)) }, String(p.title)),
      ` · ${tr(`v_${p.status}` as TextKey)}`,
      p.stale ? h('span', { class: 'ed-badge' }, tr('staleBadge')) : null,
      p.stale ? h('button', { type: 'button', class: 'ed-confirm', onclick: () => void confirmListing(String(p.ref)) }, tr('confirm')) : null,
    );
  });
  setChildren($('mine-list'), items.length ? items : h('li', {}, tr('noneMine')));
}

// ---- the business unit approves property owners who signed up ------------------------------

async function refreshApprovals(): Promise<void> {
  const staff = state.user?.role === 'business' || state.user?.role === 'admin';
  $('approvals-heading').hidden = !staff;
  $('approvals-list').hidden = !staff;
  if (!staff) return;
  const pending = await api.pendingOwners();
  const items = pending.map((a) =>
    h(
      'li',
      { 'data-account': a.id },
      `${a.name}${a.organisation ? `, ${a.organisation}` : ''} (${a.email}) `,
      h('button', {
        type: 'button',
        class: 'ed-confirm',
        onclick: () =>
          void api
            .approveAccount(a.id)
            .then(() => say(tr('approved', { name: a.name })))
            .then(refreshApprovals)
            .catch((err) => handleError(err)),
      }, tr('approve')),
    ),
  );
  setChildren($('approvals-list'), items.length ? items : h('li', {}, tr('noneToApprove')));
}

function selectByRef(ref: string): void {
  const f = editorMap.editable.getFeatureById(ref) as Feature<Geometry> | null;
  if (!f) return;
  stopEditing(true);
  editorMap.zoomTo(f);
  startEditing(f, false);
}

// ---- layers --------------------------------------------------------------------------------

async function loadLayer(layer: LayerName): Promise<void> {
  stopEditing(true);
  state.layer = layer;
  const mine = layer === 'premises' && state.user?.role === 'owner';
  const [editable, ...context] = await Promise.all([
    api.loadLayer(layer, mine),
    ...DRAW_ORDER.map((l) => api.loadLayer(l)),
  ]);
  DRAW_ORDER.forEach((l, i) => editorMap.setContext(l, l === layer ? { type: 'FeatureCollection', features: [] } : context[i]));
  editorMap.setEditable(layer, editable);
  // premises are a point or, where known, the building's footprint
  $('new-footprint').hidden = layer !== 'premises';
}

function renderLayerSelect(): void {
  const select = $<HTMLSelectElement>('layer-select');
  const layers = LAYERS_OF[state.user!.role];
  setChildren(select, layers.map((l) => h('option', { value: l }, tr(`layer_${l}` as TextKey))));
  select.value = state.layer;
}

// ---- sign-in -------------------------------------------------------------------------------

async function boot(): Promise<void> {
  state.user = await api.currentUser();
  $('sign-in-section').hidden = state.user !== null;
  $('editor-section').hidden = state.user === null;
  $('sign-out').hidden = state.user === null;
  $('who').textContent = '';
  renderStatic();
  if (!state.user) {
    document.body.dataset.editorReady = 'true';
    return;
  }
  $('pending-note').hidden = state.user.status !== 'pending';
  state.layer = LAYERS_OF[state.user.role][0];
  renderLayerSelect();
  await loadLayer(state.layer);
  await refreshMine();
  await refreshApprovals();
  $('hint').textContent = tr('hintSelect');
  document.body.dataset.editorReady = 'true';
}

$<HTMLFormElement>('sign-in-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const f = ev.target as HTMLFormElement;
  const email = (f.elements.namedItem('email') as HTMLInputElement).value;
  const password = (f.elements.namedItem('password') as HTMLInputElement).value;
  document.body.dataset.editorReady = 'false';
  api
    .signIn(email, password)
    .then(
      () => boot().catch((err) => say(String(err), 'error')),
      (err) => {
        document.body.dataset.editorReady = 'true';
        say(err instanceof api.ApiError && err.status === 429 ? tr('tooMany') : tr('signInFailed'), 'error');
      },
    );
});

$<HTMLFormElement>('sign-up-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const f = ev.target as HTMLFormElement;
  const value = (n: string) => (f.elements.namedItem(n) as HTMLInputElement).value.trim() || null;
  api
    .signUp({ name: value('name'), organisation: value('organisation'), phone: value('phone'), email: value('email'), password: value('password') })
    .then(() => say(tr('signedUp')))
    .catch((err) => handleError(err));
});

$('sign-out').addEventListener('click', () => void api.signOut().then(() => location.reload()));

$('lang-switch').addEventListener('click', () => {
  lang = lang === 'sv' ? 'en' : 'sv';
  rememberLang(lang);
  renderStatic();
  if (state.user) renderLayerSelect();
  if (state.editing) {
    const e = state.editing;
    const props = readForm(form, state.layer, e.isNew);
    renderForm(form, state.layer, { ...(e.stored ?? {}), ...props }, e.isNew, tr);
    appendFormButtons();
  }
  void refreshMine();
  void refreshApprovals();
});

$<HTMLSelectElement>('layer-select').addEventListener('change', (ev) => void loadLayer((ev.target as HTMLSelectElement).value as LayerName));

$('new-feature').addEventListener('click', () => {
  stopEditing(true);
  $('hint').textContent = tr(GEOMETRY_OF[state.layer] === 'Point' ? 'hintDrawPoint' : 'hintDrawPolygon');
  editorMap.startDraw(GEOMETRY_OF[state.layer], (f) => startEditing(f, true));
});

$('new-footprint').addEventListener('click', () => {
  stopEditing(true);
  $('hint').textContent = tr('hintDrawPolygon');
  editorMap.startDraw('Polygon', (f) => startEditing(f, true));
});

$('cancel-edit').addEventListener('click', () => stopEditing(true));

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  void save();
});

editorMap.onSelect = (f) => {
  if (state.editing?.feature === f) return;
  stopEditing(true);
  startEditing(f as Feature<Geometry>, false);
};

void Promise.all([api.loadLayer('municipalities'), api.loadLayer('areas')])
  .then(([m, a]) => editorMap.setBackdrop(m, a))
  .then(boot)
  .catch((err) => say(String(err), 'error'));
