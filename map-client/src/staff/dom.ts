/** A tiny element builder: text is always set as text, never parsed as HTML. */
type Child = Node | string | number | null | undefined | false;
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | number | EventListener | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'number' ? String(c) : c);
  return el;
}

/** `<select>` of value → label pairs. */
export function select(name: string, options: Array<[string, string]>, selected?: string): HTMLSelectElement {
  const s = h('select', { name, id: name });
  for (const [v, label] of options) {
    const o = h('option', { value: v }, label);
    if (v === selected) o.selected = true;
    s.append(o);
  }
  return s;
}

export const fmtDate = (iso: string | null | undefined) => (iso ? new Date(iso).toISOString().slice(0, 10) : '–');
export const fmtDateTime = (iso: string | null | undefined) => (iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') : '–');

/** A date input's value (YYYY-MM-DD) as occurredAt: today means now, a past day means noon of it. */
export function occurredAtFrom(value: string): string | undefined {
  if (!value) return undefined;
  const today = new Date().toISOString().slice(0, 10);
  return value >= today ? undefined : `${value}T12:00:00Z`;
}
