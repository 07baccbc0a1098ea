// Readiness choropleth: the areas shaded by hectares of land in force for one use (MapLibre).
import * as maplibregl from 'maplibre-gl';
// MapLibre 6 loads its module worker next to its own file; in a Vite build that file is
// not emitted unless asked for, so the worker travels as an asset of this page.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { formatNumber, type Lang } from '../shared/i18n';
import { h, setChildren } from '../shared/dom';
import type { ReadinessResponse } from './data';

/** Light to dark green in five steps; the breaks are fractions of the largest area's figure. */
const RAMP = ['#f1f5ee', '#c7e0b5', '#8cc47c', '#4a9a4f', '#1d6a35'];

/** A basemap that needs no network: a plain background under the areas. */
const STYLE: maplibregl.StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1ec' } }],
};

export function bboxOf(fc: FeatureCollection): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0] as number); b[1] = Math.min(b[1], c[1] as number);
      b[2] = Math.max(b[2], c[0] as number); b[3] = Math.max(b[3], c[1] as number);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  for (const f of fc.features) walk((f.geometry as { coordinates?: unknown })?.coordinates);
  return b;
}

maplibregl.setWorkerUrl(workerUrl);

export class Choropleth {
  readonly map: maplibregl.Map;
  private loaded: Promise<void>;

  constructor(container: string, private areas: FeatureCollection) {
    const bounds = areas.features.length ? bboxOf(areas) : ([17.86, 59.19, 18.18, 59.285] as [number, number, number, number]);
    this.map = new maplibregl.Map({ container, style: STYLE, bounds, fitBoundsOptions: { padding: 30 }, attributionControl: false });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.loaded = new Promise((resolve) => this.map.on('load', () => {
      this.map.addSource('readiness-areas', { type: 'geojson', data: areas });
      this.map.addLayer({ id: 'readiness-fill', type: 'fill', source: 'readiness-areas', paint: { 'fill-color': RAMP[0], 'fill-opacity': 0.85 } });
      this.map.addLayer({ id: 'readiness-line', type: 'line', source: 'readiness-areas', paint: { 'line-color': '#1f3a93', 'line-width': 2 } });
      // Labels as a DOM popup: text layers would need glyphs from the network.
      this.map.on('click', 'readiness-fill', (e) => {
        const label = e.features?.[0]?.properties?.label;
        if (label) new maplibregl.Popup({ closeButton: false }).setLngLat(e.lngLat).setText(String(label)).addTo(this.map);
      });
      resolve();
    }));
  }

  /** Shades the areas for `use` and writes the legend; resolves when the map has drawn it. */
  async show(r: ReadinessResponse, use: string, lang: Lang, legend: HTMLElement, legendTitle: string): Promise<void> {
    await this.loaded;
    const byArea = new Map(r.rows.filter((x) => x.use === use).map((x) => [x.areaRef, x.readyHa]));
    const max = Math.max(0, ...byArea.values());
    const data: FeatureCollection = {
      ...this.areas,
      features: this.areas.features.map((f) => {
        const ref = String(f.properties?.ref);
        const ha = byArea.get(ref) ?? 0;
        return { ...f, properties: { ...f.properties, readyHa: ha, label: `${f.properties?.name ?? ref}: ${formatNumber(ha, lang, 1)} ha` } };
      }),
    };
    (this.map.getSource('readiness-areas') as GeoJSONSource).setData(data);
    const breaks = [0.2, 0.4, 0.6, 0.8].map((k) => k * max);
    const colour: ExpressionSpecification =
      max > 0
        ? (['step', ['get', 'readyHa'], RAMP[0], ...breaks.flatMap((b, i) => [b, RAMP[i + 1]])] as unknown as ExpressionSpecification)
        : (['literal', RAMP[0]] as unknown as ExpressionSpecification);
    this.map.setPaintProperty('readiness-fill', 'fill-color', colour);
    setChildren(
      legend,
      h('strong', {}, legendTitle),
      ...RAMP.map((c, i) =>
        h('div', { class: 'legend-row' }, h('span', { class: 'swatch', style: `background:${c}` }),
          i === 0 ? `< ${formatNumber(breaks[0] ?? 0, lang, 1)}` : `≥ ${formatNumber(breaks[i - 1], lang, 1)}`),
      ),
    );
    await new Promise<void>((resolve) => this.map.once('idle', () => resolve()));
  }
}
