// The matching request as an accessible form: every control labelled, grouped in
// fieldsets, errors announced. Reads and writes MatchRequest, nothing else.
import { h } from '../shared/dom';
import {
  CRITERIA, DEFAULT_STATION_MODES, DEFAULT_WEIGHTS, MATCH_USES, NEEDS, STOP_MODES, type MatchRequestInput as MatchRequest, type MatchUse, type Need, type StopMode,
} from '@etablera/contract';
import type { MapKey } from '../i18n/map';
import type { T } from './facts';

export interface AreaOption {
  ref: string;
  name: string;
}

const USE_KEYS: Record<MatchUse, MapKey> = { office: 'useOffice', retail: 'useRetail', industry: 'useIndustry', logistics: 'useLogistics', lab: 'useLab' };
const NEED_KEYS: Record<Need, MapKey> = { any: 'needAny', land: 'needLand', premises: 'needPremises' };
/** Default weights of the matching service, shown as placeholders. */


const field = (id: string, label: string, input: HTMLElement, hint?: string) =>
  h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('small', { id: `${id}-hint` }, hint) : null);

/** Builds the form into `form`; `onSubmit` gets the request, or the form shows what is missing. */
export function buildSearchForm(form: HTMLFormElement, areas: AreaOption[], t: T, onSubmit: (r: MatchRequest) => void): {
  fill: (r: MatchRequest | null) => void;
} {
  const numberInput = (id: string, attrs: Record<string, string | number | boolean> = {}) =>
    h('input', { id, name: id, type: 'number', inputmode: 'numeric', min: 0, step: 'any', ...attrs });
  const error = h('p', { id: 'search-form-error', class: 'form-error', role: 'alert' });

  form.replaceChildren(
    h('fieldset', { class: 'choice-row' },
      h('legend', {}, t('need')),
      // 'any' first: the default choice reads first.
      [...NEEDS].sort((a, b) => Number(b === 'any') - Number(a === 'any')).map((n) => h('label', { class: 'choice' },
        h('input', { type: 'radio', name: 'need', value: n, checked: n === 'any' }), t(NEED_KEYS[n])))),
    field('use', t('use'), h('select', { id: 'use', name: 'use', required: true },
      MATCH_USES.map((u) => h('option', { value: u }, t(USE_KEYS[u]))))),
    h('div', { class: 'field-row' },
      field('minAreaM2', t('minArea'), numberInput('minAreaM2', { required: true, min: 1, 'aria-describedby': 'search-form-error' })),
      field('maxAreaM2', t('maxArea'), numberInput('maxAreaM2', { min: 1 }))),
    h('fieldset', { class: 'choice-grid', 'aria-describedby': 'areas-hint' },
      h('legend', {}, t('areas')),
      areas.map((a) => h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'areas', value: a.ref }), a.name)),
      h('small', { id: 'areas-hint' }, t('areasHint'))),
    h('fieldset', { class: 'choice-grid' },
      h('legend', {}, t('transit')),
      field('maxDistanceToStationM', t('maxDistance'), numberInput('maxDistanceToStationM')),
      h('div', { class: 'choice-grid', role: 'group', 'aria-label': t('modes') },
        STOP_MODES.map((m) => h('label', { class: 'choice' },
          h('input', { type: 'checkbox', name: 'stationModes', value: m, checked: (DEFAULT_STATION_MODES as readonly string[]).includes(m) }), t(`mode_${m}` as MapKey)))),
      h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'includePlanned', value: 'true' }), t('includePlanned'))),
    field('neededBy', t('neededBy'), h('input', { id: 'neededBy', name: 'neededBy', type: 'date' })),
    h('details', { class: 'weights' },
      h('summary', {}, t('weights')),
      h('p', { class: 'hint' }, t('weightsHint')),
      h('div', { class: 'field-row' },
        CRITERIA.map((c) => field(`w.${c}`, t(`crit_${c}` as MapKey), numberInput(`w.${c}`, { step: 0.05, placeholder: String(DEFAULT_WEIGHTS[c]) }))))),
    error,
    h('button', { type: 'submit', class: 'primary', id: 'search-submit' }, t('search')),
  );

  const el = <E extends HTMLElement>(name: string) => form.elements.namedItem(name) as E;
  const checked = (name: string) =>
    [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)].filter((i) => i.checked).map((i) => i.value);
  const numberOf = (name: string) => {
    const v = el<HTMLInputElement>(name).value.trim();
    return v === '' ? undefined : Number(v);
  };

  function read(): MatchRequest | null {
    const minAreaM2 = numberOf('minAreaM2');
    const minInput = el<HTMLInputElement>('minAreaM2');
    if (minAreaM2 === undefined || !(minAreaM2 > 0)) {
      error.textContent = t('required');
      minInput.setAttribute('aria-invalid', 'true');
      minInput.focus();
      return null;
    }
    minInput.removeAttribute('aria-invalid');
    error.textContent = '';
    const r: MatchRequest = { use: el<HTMLSelectElement>('use').value as MatchUse, minAreaM2 };
    const need = checked('need')[0] as Need | undefined;
    if (need && need !== 'any') r.need = need;
    const max = numberOf('maxAreaM2');
    if (max !== undefined) r.maxAreaM2 = max;
    const areaRefs = checked('areas');
    if (areaRefs.length) r.areas = areaRefs;
    const dist = numberOf('maxDistanceToStationM');
    if (dist !== undefined) r.maxDistanceToStationM = dist;
    const modes = checked('stationModes') as StopMode[];
    const isDefault = modes.length === DEFAULT_STATION_MODES.length && DEFAULT_STATION_MODES.every((m) => modes.includes(m));
    if (!isDefault && modes.length) r.stationModes = modes;
    const neededBy = el<HTMLInputElement>('neededBy').value;
    if (neededBy) r.neededBy = neededBy;
    if (checked('includePlanned').length) r.includePlanned = true;
    const weights: NonNullable<MatchRequest['weights']> = {};
    for (const c of CRITERIA) {
      const w = numberOf(`w.${c}`);
      if (w !== undefined) weights[c] = w;
    }
    if (Object.keys(weights).length) r.weights = weights;
    return r;
  }

  function fill(r: MatchRequest | null): void {
    const setChecked = (name: string, values: readonly string[]) =>
      form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`).forEach((i) => (i.checked = values.includes(i.value)));
    setChecked('need', [r?.need ?? 'any']);
    el<HTMLSelectElement>('use').value = r?.use ?? 'office';
    el<HTMLInputElement>('minAreaM2').value = r ? String(r.minAreaM2) : '';
    el<HTMLInputElement>('maxAreaM2').value = r?.maxAreaM2 !== undefined ? String(r.maxAreaM2) : '';
    setChecked('areas', r?.areas ?? []);
    el<HTMLInputElement>('maxDistanceToStationM').value = r?.maxDistanceToStationM !== undefined ? String(r.maxDistanceToStationM) : '';
    setChecked('stationModes', r?.stationModes ?? DEFAULT_STATION_MODES);
    el<HTMLInputElement>('neededBy').value = r?.neededBy ?? '';
    setChecked('includePlanned', r?.includePlanned ? ['true'] : []);
    for (const c of CRITERIA) {
      const w = r?.weights?.[c];
      el<HTMLInputElement>(`w.${c}`).value = w !== undefined ? String(w) : '';
    }
    if (r?.weights) (form.querySelector('details.weights') as HTMLDetailsElement).open = true;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const r = read();
    if (r) onSubmit(r);
  });
  return { fill };
}
