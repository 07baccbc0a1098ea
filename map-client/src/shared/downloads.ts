// Download buttons for the exports (/api/export): a layer in GeoJSON, CSV or GeoPackage, and
// the ranked sites of a search. Texts in Swedish and English here, beside the buttons.
import { h } from './dom';
import type { Lang } from './i18n';

export const EXPORT_FORMATS = [
  { ext: 'geojson', label: 'GeoJSON' },
  { ext: 'csv', label: 'CSV' },
  { ext: 'gpkg', label: 'GeoPackage' },
] as const;

const TEXTS = {
  sv: {
    layer: 'Lager', download: 'Ladda ner', results: 'Ladda ner resultaten', failed: 'Nedladdningen misslyckades',
    names: { land: 'Mark', plans: 'Detaljplaner', premises: 'Lediga lokaler', stops: 'Hållplatser', areas: 'Områden', municipalities: 'Kommuner' },
  },
  en: {
    layer: 'Layer', download: 'Download', results: 'Download the results', failed: 'The download failed',
    names: { land: 'Land', plans: 'Detailed plans', premises: 'Vacant premises', stops: 'Stops', areas: 'Areas', municipalities: 'Municipalities' },
  },
} as const;

export type ExportLayer = keyof (typeof TEXTS)['sv']['names'];

/**
 * A layer chooser and one download link per format: `/api/export/{layer}.{ext}` with the
 * read API's filters in `params` (e.g. `{ status: 'available' }`).
 */
export function layerDownloads(lang: Lang, layers: ExportLayer[], params: Record<string, string> = {}): HTMLElement {
  const t = TEXTS[lang];
  const id = `export-layer-${Math.random().toString(36).slice(2, 8)}`;
  const select = h('select', { id, 'data-testid': 'export-layer' }, layers.map((l) => h('option', { value: l }, t.names[l])));
  const qs = new URLSearchParams(params).toString();
  const links = EXPORT_FORMATS.map((f) => h('a', { class: 'download', download: true, 'data-format': f.ext }, f.label));
  const update = () => links.forEach((a, i) => a.setAttribute('href', `/api/export/${select.value}.${EXPORT_FORMATS[i].ext}${qs ? `?${qs}` : ''}`));
  select.addEventListener('change', update);
  update();
  return h('div', { class: 'downloads' }, h('label', { for: id }, t.layer), ' ', select, ' ', h('span', {}, `${t.download}: `), links.flatMap((a, i) => (i ? [' · ', a] : [a])));
}

/** Buttons that download the ranked sites of `request` (POST /api/export/match.{ext}). */
export function matchDownloads(lang: Lang, request: unknown, onError: (message: string) => void): HTMLElement {
  const t = TEXTS[lang];
  const buttons = EXPORT_FORMATS.map((f) =>
    h('button', {
      type: 'button', class: 'download', 'data-format': f.ext,
      onclick: async () => {
        try {
          const res = await fetch(`/api/export/match.${f.ext}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
          if (!res.ok) throw new Error(((await res.json().catch(() => ({}))) as { message?: string }).message ?? String(res.status));
          const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `etablera-match.${f.ext}`;
          const url = URL.createObjectURL(await res.blob());
          const a = h('a', { href: url, download: name });
          document.body.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        } catch (err) {
          onError(`${t.failed}: ${(err as Error).message}`);
        }
      },
    }, f.label),
  );
  return h('div', { class: 'downloads', 'data-testid': 'match-downloads' }, h('span', {}, `${t.results}: `), buttons.flatMap((b, i) => (i ? [' ', b] : [b])));
}
