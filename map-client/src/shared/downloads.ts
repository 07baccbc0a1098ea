// Download buttons for the exports (/api/export): a layer in GeoJSON, CSV or GeoPackage, and
// the ranked sites of a search. Texts in Swedish and English here, beside the buttons.
import { EXPORT_FORMATS as FORMATS, type ExportFormat, type ReadLayerName } from '@etablera/contract';
import { callFile } from './api';
import { h } from './dom';
import type { Lang } from './i18n';

const FORMAT_LABELS: Record<ExportFormat, string> = { geojson: 'GeoJSON', csv: 'CSV', gpkg: 'GeoPackage' };
export const EXPORT_FORMATS = FORMATS.map((ext) => ({ ext, label: FORMAT_LABELS[ext] }));

const TEXTS = {
  sv: {
    layer: 'Lager', download: 'Ladda ner', results: 'Ladda ner resultaten', failed: 'Nedladdningen misslyckades',
    names: { land: 'Mark', plans: 'Detaljplaner', premises: 'Lediga lokaler', stops: 'Hållplatser', areas: 'Områden', municipalities: 'Kommuner' },
  },
  en: {
    layer: 'Layer', download: 'Download', results: 'Download the results', failed: 'The download failed',
    names: { land: 'Land', plans: 'Detailed plans', premises: 'Vacant premises', stops: 'Stops', areas: 'Areas', municipalities: 'Municipalities' },
  },
} satisfies Record<Lang, { names: Record<ReadLayerName, string> } & Record<string, unknown>>;

export type ExportLayer = ReadLayerName;
/** Every layer, in the order the map offers them (the names' order). */
export const EXPORT_LAYERS = Object.keys(TEXTS.sv.names) as ExportLayer[];

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
          const { blob, name } = await callFile('POST', `/api/export/match.${f.ext}`, request, `etablera-match.${f.ext}`);
          const url = URL.createObjectURL(blob);
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
