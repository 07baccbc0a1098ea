// The attribute form: built from the layer's fields, read back as properties, with the
// problems of each field shown next to it.
import { h, setChildren } from '../shared/dom';
import { FIELDS, type Field, type LayerName } from './fields';
import type { TextKey } from './texts';
import type { Problems } from './validation';

type Tr = (key: TextKey, vars?: Record<string, string | number>) => string;

const inputId = (name: string) => `field-${name}`;

function control(f: Field, value: unknown, tr: Tr, disabled: boolean): HTMLElement {
  const common = { id: inputId(f.name), name: f.name, disabled, 'aria-describedby': `${inputId(f.name)}-problem` };
  if (f.type === 'select') {
    const options = [...(f.required ? [] : ['']), ...(f.options ?? [])];
    const select = h('select', common, options.map((o) => h('option', { value: o }, o ? tr(`v_${o}` as TextKey) : tr('none'))));
    select.value = value == null ? '' : String(value);
    return select;
  }
  const type = f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text';
  const text = f.type === 'codes' && Array.isArray(value) ? value.join(', ') : value == null ? '' : String(value);
  return h('input', { ...common, type, value: text, step: f.type === 'number' ? 'any' : undefined, required: f.required });
}

/** Fills `form` with the fields of `layer` (identity fields only for new records). */
export function renderForm(form: HTMLFormElement, layer: LayerName, props: Record<string, unknown>, isNew: boolean, tr: Tr): void {
  const rows = FIELDS[layer].map((f) =>
    h(
      'div',
      { class: 'ed-field', 'data-field': f.name },
      h('label', { for: inputId(f.name) }, tr(`f_${f.name}` as TextKey), f.required ? ' *' : ''),
      control(f, props[f.name], tr, Boolean(f.createOnly && !isNew)),
      h('span', { class: 'ed-problem', id: `${inputId(f.name)}-problem` }),
    ),
  );
  setChildren(form, rows);
}

/** The form's values as API properties: empty → null, numbers as numbers, codes as an array. */
export function readForm(form: HTMLFormElement, layer: LayerName, isNew: boolean): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const f of FIELDS[layer]) {
    if (f.createOnly && !isNew) continue;
    const el = form.elements.namedItem(f.name) as HTMLInputElement | HTMLSelectElement | null;
    const raw = el?.value.trim() ?? '';
    if (raw === '') props[f.name] = f.type === 'codes' ? [] : null;
    else if (f.type === 'number') props[f.name] = Number(raw);
    else if (f.type === 'codes') props[f.name] = raw.split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase());
    else props[f.name] = raw;
  }
  return props;
}

/** Marks the fields with problems (aria-invalid + the message) and clears the others. */
export function showProblems(form: HTMLFormElement, problems: Problems, tr: Tr): void {
  for (const row of form.querySelectorAll<HTMLElement>('.ed-field')) {
    const name = row.dataset.field!;
    const p = problems[name];
    const input = row.querySelector('input, select');
    input?.setAttribute('aria-invalid', p ? 'true' : 'false');
    row.querySelector('.ed-problem')!.textContent = p ? tr(p.key, p.vars) : '';
  }
}
