import type { Link } from './documents';

// The HTML encoding (Part 1 /conf/html): plain server-written pages, no script (the CSP
// allows none inline), every value escaped. Labels in Swedish with English beside them.

export const esc = (v: unknown): string =>
  String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const cell = (v: unknown) => (v !== null && typeof v === 'object' ? esc(JSON.stringify(v)) : esc(v));

/** The pages' style sheet, served at /ogc/style.css (the CSP allows no inline style). */
export const STYLE = 'body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:75rem}table{border-collapse:collapse}'
  + 'td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#eee}';

export function page(title: string, body: string, links: Link[] = []): string {
  const nav = links
    .filter((l) => l.rel !== 'self')
    .map((l) => `<li><a href="${esc(l.href)}">${esc(l.title ?? l.rel)}</a> <small>(${esc(l.rel)}${l.type ? `, ${esc(l.type)}` : ''})</small></li>`)
    .join('');
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} — Etablera OGC API</title>
<link rel="stylesheet" href="/ogc/style.css">
</head><body><p><a href="/ogc">Etablera OGC API – Features</a></p><main><h1>${esc(title)}</h1>${body}
${nav ? `<h2>Länkar / Links</h2><ul>${nav}</ul>` : ''}</main></body></html>`;
}

/** A key/value table of one object. */
export function propertyTable(o: Record<string, unknown>): string {
  return `<table><tbody>${Object.entries(o).map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${cell(v)}</td></tr>`).join('')}</tbody></table>`;
}

/** A table of features: one row each, a column per property. */
export function featureTable(base: string, collection: string, features: { id: string; properties: Record<string, unknown> }[]): string {
  if (features.length === 0) return '<p>Inga objekt / No features.</p>';
  const keys = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
  const head = `<tr><th scope="col">id</th>${keys.map((k) => `<th scope="col">${esc(k)}</th>`).join('')}</tr>`;
  const rows = features
    .map((f) => `<tr><td><a href="${esc(`${base}/collections/${collection}/items/${encodeURIComponent(f.id)}?f=html`)}">${esc(f.id)}</a></td>${keys.map((k) => `<td>${cell(f.properties[k])}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}
