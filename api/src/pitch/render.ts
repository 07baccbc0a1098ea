import type { Pitch } from './service';
import { sketchMapSvg } from './sketch-map';

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The printable pitch as one self-contained HTML document (the PDF is printed from it). */
export function pitchHtml(p: Pitch): string {
  const sites = p.sites
    .map(
      (s) => `<section class="site">
  <h2><span class="n">${s.number}</span> ${esc(s.name)} <small>${esc(s.kindText)}${s.areaName ? ` · ${esc(s.areaName)}` : ''}</small></h2>
  <dl>${s.facts.map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.text)}</dd>`).join('')}</dl>
</section>`,
    )
    .join('\n');
  const areas = p.areas
    .map(
      (a) => `<section class="area"><h3>${esc(a.name)}</h3><p>${esc(a.profile)}</p>${
        a.strengths.length ? `<ul>${a.strengths.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>` : ''
      }${a.transit ? `<p>${esc(a.transit)}</p>` : ''}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${p.lang}"><head><meta charset="utf-8"><title>${esc(p.title)}</title>
<style>
  @page { size: A4; margin: 16mm 14mm; }
  body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; color: #1d1d1d; font-size: 10.5pt; }
  header { border-bottom: 3px solid #1f3a93; margin-bottom: 10px; }
  h1 { color: #1f3a93; font-size: 18pt; margin: 0 0 4px; }
  .note { background: #fff4ce; padding: 6px 8px; border-radius: 4px; }
  .site { break-inside: avoid; border-top: 1px solid #ccc; padding-top: 6px; margin-top: 10px; }
  .site h2 { font-size: 13pt; margin: 0 0 4px; }
  .site small { color: #555; font-weight: normal; font-size: 10pt; }
  .n { display: inline-block; background: #1f3a93; color: #fff; border-radius: 50%; width: 1.5em; text-align: center; }
  dl { display: grid; grid-template-columns: 9em 1fr; gap: 2px 10px; margin: 0; }
  dt { font-weight: bold; } dd { margin: 0; }
  .area { break-inside: avoid; }
  footer { margin-top: 14px; color: #555; font-size: 9pt; }
</style></head>
<body>
<header><h1>${esc(p.title)}</h1><p>${esc(p.intro)}</p></header>
${p.illustrative ? `<p class="note">${esc(p.illustrativeText)}</p>` : ''}
${sketchMapSvg(p.sites)}
${sites}
${areas ? `<h2>${esc(p.labels.areas)}</h2>${areas}` : ''}
<footer>${esc(p.labels.expires)} ${esc(new Date(p.expiresAt).toISOString().slice(0, 10))} · Huddinge kommun, näringslivssektionen</footer>
</body></html>`;
}
