/**
 * A tiny element builder so pages write DOM without innerHTML (no injection from data).
 *
 * Example: `h('button', { type: 'button', class: 'primary', onclick: go }, 'Sök')`
 */
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;
type Child = Node | string | number | null | undefined | false;
/** A child, or (nested) arrays of them: lists map straight into children. */
export type Children = Child | Children[];

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Children[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    // Through the CSSOM: the CSP (no 'unsafe-inline' styles) blocks a style attribute, not this.
    else if (k === 'style') el.style.cssText = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of flatten(children)) {
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** Replaces an element's children. */
export function setChildren(el: Element, ...children: Children[]): void {
  el.replaceChildren(...flatten(children).map((c) => (c instanceof Node ? c : String(c))));
}

function flatten(children: Children[]): Array<Node | string | number> {
  const out: Array<Node | string | number> = [];
  const walk = (c: Children) => {
    if (Array.isArray(c)) c.forEach(walk);
    else if (c !== null && c !== undefined && c !== false) out.push(c);
  };
  children.forEach(walk);
  return out;
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
