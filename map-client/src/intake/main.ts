// The public intake form (issue 6): a company describes its establishment need; POST
// /api/intake saves the request and opens a case in first contact. The page checks with the
// contract's own schema (intakeBody) so most mistakes are caught before sending; what is left
// to the server (phone and organisation number formats, unknown areas, its rate limit) comes
// back as a 400/429 and is shown next to the field it names.
import './intake.css';
import { intakeBody, MATCH_USES, type IntakeReceipt, type MatchUse } from '@etablera/contract';
import { ApiError, fetchJson, fetchLayer } from '../shared/api';
import { h, setChildren } from '../shared/dom';
import { initLang, rememberLang, translator, urlWithLang, type Lang } from '../shared/i18n';
import { TEXTS, type TextKey } from './texts';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
let lang: Lang = initLang();
const tr = (k: TextKey, v?: Record<string, string | number>) => translator(TEXTS, lang)(k, v);

/** A message to show, kept as a key so a language switch re-translates it. */
interface Problem { key: TextKey; vars?: Record<string, string | number> }

/** Control ids in page order: the first one with a problem gets the focus. */
const FIELD_IDS = [
  'company', 'org-number', 'sector', 'jobs', 'investment', 'contact-name', 'email', 'phone',
  'need', 'use', 'min-area', 'max-area', 'areas', 'needed-by', 'message', 'consent',
] as const;
type FieldId = (typeof FIELD_IDS)[number];

/** The API's field paths (zod issue paths) to the controls showing them. */
const API_FIELDS: Record<string, FieldId> = {
  company: 'company', orgNumber: 'org-number', sector: 'sector', jobs: 'jobs', investmentMsek: 'investment',
  'contact.name': 'contact-name', 'contact.email': 'email', 'contact.phone': 'phone', need: 'need', use: 'use',
  minAreaM2: 'min-area', maxAreaM2: 'max-area', areas: 'areas', neededBy: 'needed-by', message: 'message', consent: 'consent',
};

const state: {
  fieldProblems: Map<FieldId, Problem>;
  formProblem: Problem | null;
  reference: string | null | undefined; // undefined: no receipt; null: receipt without reference
} = { fieldProblems: new Map(), formProblem: null, reference: undefined };

const form = $<HTMLFormElement>('intake-form');
const input = (id: FieldId) => $<HTMLInputElement>(id);
const text = (id: FieldId) => input(id).value.trim();

/** Each control gets an error paragraph of its own, linked through aria-describedby when shown. */
function prepareErrorSlots(): void {
  for (const id of FIELD_IDS) {
    const el = $(id);
    el.dataset.describedby = el.getAttribute('aria-describedby') ?? '';
    const slot = h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
    if (el.tagName === 'FIELDSET') el.append(slot);
    else (el.closest('.field') ?? el.parentElement!).append(slot);
  }
}

/** A number input: undefined when empty, NaN when the browser could not read it. */
function numberOf(id: FieldId): number | undefined {
  const el = input(id);
  if (el.validity.badInput) return Number.NaN;
  return el.value.trim() === '' ? undefined : Number(el.value);
}

/** Formats people type freely, left to the server: its 400 shows next to the field. */
const SERVER_CHECKED = new Set(['contact.phone', 'orgNumber']);
const REQUIRED: readonly FieldId[] = ['company', 'contact-name', 'email', 'min-area'];
const isEmpty = (id: FieldId) => (input(id).type === 'number' ? numberOf(id) === undefined : text(id) === '');

/**
 * The contract's intake schema, run in the browser: the same rules and messages as the
 * server (required, lengths, e-mail, numbers, min ≤ max, consent), each in the page's words.
 */
function checkForm(): Map<FieldId, Problem> {
  const p = new Map<FieldId, Problem>();
  const r = intakeBody.safeParse({ ...requestBody(), consent: input('consent').checked });
  for (const issue of r.success ? [] : r.error.issues) {
    const path = issue.path.join('.');
    const id = API_FIELDS[path];
    if (!id || SERVER_CHECKED.has(path) || p.has(id)) continue;
    p.set(id, REQUIRED.includes(id) && isEmpty(id) ? { key: 'errRequired' } : apiProblem(issue.message));
  }
  return p;
}

/** The body of POST /api/intake: empty optional fields are left out, never sent as "". */
function requestBody(): Record<string, unknown> {
  const optional = (key: string, value: string | number | string[] | undefined) =>
    value === undefined || value === '' || (Array.isArray(value) && value.length === 0) ? {} : { [key]: value };
  const areas = [...form.querySelectorAll<HTMLInputElement>('input[name="areas"]:checked')].map((i) => i.value);
  return {
    company: text('company'),
    ...optional('orgNumber', text('org-number')),
    contact: { name: text('contact-name'), email: text('email'), ...optional('phone', text('phone')) },
    ...optional('sector', text('sector')),
    ...optional('jobs', numberOf('jobs')),
    ...optional('investmentMsek', numberOf('investment')),
    need: form.querySelector<HTMLInputElement>('input[name="need"]:checked')?.value ?? 'any',
    use: $<HTMLSelectElement>('use').value,
    minAreaM2: numberOf('min-area'),
    ...optional('maxAreaM2', numberOf('max-area')),
    ...optional('areas', areas),
    ...optional('neededBy', input('needed-by').value),
    ...optional('message', text('message')),
    consent: true,
  };
}

/** One of the API's messages ("path: message") in the page's words when we know it. */
function apiProblem(message: string): Problem {
  const rules: Array<[RegExp, (m: RegExpMatchArray) => Problem]> = [
    [/phone number/, () => ({ key: 'apiPhone' })],
    [/organisation number/, () => ({ key: 'apiOrgNumber' })],
    [/no area with ref (.*)/, (m) => ({ key: 'apiUnknownArea', vars: { refs: m[1] } })],
    [/consent/, () => ({ key: 'errConsent' })],
    [/is required/, () => ({ key: 'errRequired' })],
    [/e-mail/, () => ({ key: 'errEmail' })],
    [/must be a number/, () => ({ key: 'errNumber' })],
    [/^Invalid option/, () => ({ key: 'errChoose' })],
    [/must be above 0/, () => ({ key: 'errPositive' })],
    [/must not be negative/, () => ({ key: 'errNotNegative' })],
    [/must be an integer/, () => ({ key: 'errInteger' })],
    [/must not be below minAreaM2/, () => ({ key: 'errMinAboveMax' })],
    [/(?:at most |<=)(\d+) characters/, (m) => ({ key: 'errTooLong', vars: { max: m[1] } })],
    [/calendar date|must be a date|must be a year/, () => ({ key: 'apiDate' })],
  ];
  for (const [re, make] of rules) {
    const m = message.match(re);
    if (m) return make(m);
  }
  return { key: 'apiOther', vars: { message } };
}

/** Splits a 400's message (zodMessage: "a: x; b.c: y") onto the fields it names. */
function showApiError(message: string): void {
  const unplaced: string[] = [];
  for (const part of message.split('; ')) {
    const m = part.match(/^([\w.]+): (.*)$/);
    const path = m?.[1] ?? '';
    const field = API_FIELDS[path] ?? API_FIELDS[path.replace(/\.\d+$/, '')];
    if (m && field && !state.fieldProblems.has(field)) state.fieldProblems.set(field, apiProblem(m[2]));
    else if (!field) unplaced.push(part);
  }
  if (unplaced.length) state.formProblem = { key: 'apiGeneral', vars: { message: unplaced.join('; ') } };
}

function renderProblems(): void {
  for (const id of FIELD_IDS) {
    const el = $(id);
    const slot = $(`${id}-error`);
    const problem = state.fieldProblems.get(id);
    slot.hidden = !problem;
    slot.textContent = problem ? tr(problem.key, problem.vars) : '';
    const describedBy = [el.dataset.describedby, problem ? slot.id : ''].filter(Boolean).join(' ');
    if (describedBy) el.setAttribute('aria-describedby', describedBy);
    else el.removeAttribute('aria-describedby');
    if (problem) el.setAttribute('aria-invalid', 'true');
    else el.removeAttribute('aria-invalid');
  }
  const status = $('form-status');
  const summary = state.fieldProblems.size ? tr('errorSummary', { n: state.fieldProblems.size }) : '';
  const general = state.formProblem ? tr(state.formProblem.key, state.formProblem.vars) : '';
  setChildren(status, general ? h('p', {}, general) : null, summary ? h('p', {}, summary) : null);
  status.hidden = !general && !summary;
}

function renderReceipt(): void {
  $('receipt').hidden = state.reference === undefined;
  $('receipt-reference').textContent = state.reference ? tr('receiptReference', { reference: state.reference }) : '';
}

function renderStatic(): void {
  document.documentElement.lang = lang;
  document.title = `Etablera – ${tr('pageTitle')}`;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = tr(el.dataset.i18n as TextKey);
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) el.setAttribute('aria-label', tr(el.dataset.i18nAriaLabel as TextKey));
  $('to-map').setAttribute('href', `/?lang=${lang}`);
  const failed = document.getElementById('areas-failed');
  if (failed) failed.textContent = tr('areasFailed');
  renderProblems();
  renderReceipt();
}

/** The first control with a problem; a group's first box stands for the group. */
function focusFirstProblem(): void {
  const id = FIELD_IDS.find((f) => state.fieldProblems.has(f));
  if (!id) return;
  const el = $(id);
  const target = el.tagName === 'FIELDSET' ? (el.querySelector<HTMLElement>('input') ?? el) : el;
  target.focus();
}

async function submit(e: Event): Promise<void> {
  e.preventDefault();
  state.fieldProblems = checkForm();
  state.formProblem = null;
  state.reference = undefined;
  renderReceipt();
  if (state.fieldProblems.size) {
    renderProblems();
    focusFirstProblem();
    return;
  }
  renderProblems();
  const button = $<HTMLButtonElement>('submit');
  button.disabled = true;
  button.textContent = tr('sending');
  form.setAttribute('aria-busy', 'true');
  try {
    const res = await fetchJson<IntakeReceipt>('/api/intake', { method: 'POST', body: requestBody() });
    form.reset();
    state.reference = res.reference ?? null;
    renderReceipt();
    $('receipt-h').focus();
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.status === 400) showApiError(err.message);
    else if (err.status === 429) state.formProblem = { key: 'tooMany' };
    else if (err.status === 0) state.formProblem = { key: 'networkError' };
    else state.formProblem = { key: 'serverError' };
    renderProblems();
    if (state.fieldProblems.size) focusFirstProblem();
  } finally {
    button.disabled = false;
    button.textContent = tr('submit');
    form.removeAttribute('aria-busy');
  }
}

async function loadAreas(): Promise<void> {
  const list = $('area-list');
  try {
    const areas = await fetchLayer('areas');
    const items = areas.features
      .map((f) => ({ ref: String(f.properties?.ref), name: String(f.properties?.name ?? f.properties?.ref) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    setChildren(list, items.map((a) => h('label', {}, h('input', { type: 'checkbox', name: 'areas', value: a.ref }), ` ${a.name}`)));
  } catch (err) {
    // The form still works without them: every area is then acceptable.
    console.warn('areas could not be loaded', err);
    setChildren(list, h('span', { id: 'areas-failed', class: 'hint' }, tr('areasFailed')));
  }
}

/** The use options: one per use of the contract, each with its label key. */
const USE_KEYS: Record<MatchUse, TextKey> = { office: 'useOffice', retail: 'useRetail', industry: 'useIndustry', logistics: 'useLogistics', lab: 'useLab' };
function addUseOptions(): void {
  $('use').append(...MATCH_USES.map((u) => h('option', { value: u, 'data-i18n': USE_KEYS[u] }, tr(USE_KEYS[u]))));
}

function start(): void {
  addUseOptions();
  prepareErrorSlots();
  renderStatic();
  form.addEventListener('submit', (e) => void submit(e).catch((err) => console.error(err)));
  $('lang-switch').addEventListener('click', () => {
    lang = lang === 'sv' ? 'en' : 'sv';
    rememberLang(lang);
    // in place, not a reload: what the company has typed stays
    history.replaceState(null, '', urlWithLang(lang));
    renderStatic();
  });
  void loadAreas().finally(() => document.body.setAttribute('data-intake-ready', 'true'));
}

start();
