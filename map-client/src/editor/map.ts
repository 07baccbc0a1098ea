// The OpenLayers map of the editor, in SWEREF 99 TM: the API's own layers as backdrop (no
// external tiles), one editable layer, drawing, modifying and snapping.
import 'ol/ol.css';
import OlMap from 'ol/Map';
import View from 'ol/View';
import Feature from 'ol/Feature';
import Collection from 'ol/Collection';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import GeoJSON from 'ol/format/GeoJSON';
import Draw from 'ol/interaction/Draw';
import Modify from 'ol/interaction/Modify';
import Snap from 'ol/interaction/Snap';
import type Geometry from 'ol/geom/Geometry';
import { register } from 'ol/proj/proj4';
import { get as getProjection } from 'ol/proj';
import { Circle as CircleStyle, Fill, Stroke, Style, Text } from 'ol/style';
import type { FeatureCollection, Geometry as GeoJsonGeometry } from 'geojson';
import { proj4, SWEREF99TM, SWEREF99TM_EXTENT } from '../shared/crs';
import { DRAW_ORDER, type LayerName } from './fields';

register(proj4);
getProjection(SWEREF99TM)!.setExtent(SWEREF99TM_EXTENT);

const format = new GeoJSON({ dataProjection: SWEREF99TM, featureProjection: SWEREF99TM });

const COLOURS: Record<LayerName, string> = { premises: '#7a2e8e', plans: '#c0561b', land: '#2f6f3e' };

const line = (colour: string, width: number, dash?: number[]) => new Style({ stroke: new Stroke({ color: colour, width, lineDash: dash }) });

function contextStyle(layer: LayerName): Style {
  const c = COLOURS[layer];
  return new Style({
    stroke: new Stroke({ color: `${c}88`, width: 1 }),
    fill: new Fill({ color: `${c}14` }),
    image: new CircleStyle({ radius: 3, fill: new Fill({ color: `${c}88` }) }),
  });
}

function editableStyle(layer: LayerName, selected: () => Feature | null) {
  return (f: unknown) => {
    const feature = f as Feature;
    const isSelected = feature === selected();
    const stale = feature.get('stale') === true;
    const c = isSelected ? '#0057b8' : stale ? '#b36b00' : COLOURS[layer];
    return new Style({
      stroke: new Stroke({ color: c, width: isSelected ? 3 : 2 }),
      fill: new Fill({ color: `${c}33` }),
      image: new CircleStyle({ radius: isSelected ? 8 : 6, fill: new Fill({ color: c }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
      text: layer === 'premises' ? undefined : new Text({ text: String(feature.get('ref') ?? ''), font: '11px sans-serif', fill: new Fill({ color: '#222' }), overflow: false }),
    });
  };
}

export class EditorMap {
  readonly map: OlMap;
  readonly editable = new VectorSource<Feature<Geometry>>();
  private readonly editableLayer: VectorLayer<VectorSource<Feature<Geometry>>>;
  private readonly context: Record<LayerName, VectorSource<Feature<Geometry>>> = {
    premises: new VectorSource(), plans: new VectorSource(), land: new VectorSource(),
  };
  private readonly backdrop = { municipalities: new VectorSource<Feature<Geometry>>(), areas: new VectorSource<Feature<Geometry>>() };
  private readonly modifyTargets = new Collection<Feature<Geometry>>();
  private readonly modify = new Modify({ features: this.modifyTargets });
  private draw: Draw | null = null;
  private snaps: Snap[] = [];
  private selected: Feature | null = null;
  private active: LayerName = 'premises';
  onSelect: (f: Feature) => void = () => undefined;
  onGeometryChange: (g: Geometry | null) => void = () => undefined;

  constructor(target: HTMLElement) {
    this.editableLayer = new VectorLayer({ source: this.editable, style: editableStyle('premises', () => this.selected), zIndex: 10 });
    this.map = new OlMap({
      target,
      layers: [
        new VectorLayer({ source: this.backdrop.municipalities, style: new Style({ stroke: new Stroke({ color: '#8a8a8a', width: 1 }), fill: new Fill({ color: '#f4f2ec' }) }) }),
        new VectorLayer({ source: this.backdrop.areas, style: line('#333', 2, [6, 4]) }),
        ...DRAW_ORDER.map((l) => new VectorLayer({ source: this.context[l], style: contextStyle(l) })),
        this.editableLayer,
      ],
      view: new View({ projection: SWEREF99TM, center: [667_000, 6_567_000], resolution: 20, maxResolution: 2000, minResolution: 0.05 }),
    });
    this.map.addInteraction(this.modify);
    this.modify.on('modifyend', () => this.onGeometryChange(this.selected?.getGeometry() ?? null));
    this.map.on('singleclick', (e) => {
      if (this.draw) return;
      const hit = this.map.forEachFeatureAtPixel(e.pixel, (f) => f as Feature, { layerFilter: (l) => l === this.editableLayer, hitTolerance: 6 });
      if (hit) this.onSelect(hit);
    });
  }

  /** Municipal boundaries and business areas: the backdrop instead of tiles. */
  setBackdrop(municipalities: FeatureCollection, areas: FeatureCollection): void {
    this.backdrop.municipalities.addFeatures(format.readFeatures(municipalities));
    this.backdrop.areas.addFeatures(format.readFeatures(areas));
    const extent = this.backdrop.areas.getExtent();
    if (extent && Number.isFinite(extent[0])) this.map.getView().fit(extent, { padding: [30, 30, 30, 30] });
  }

  setContext(layer: LayerName, fc: FeatureCollection): void {
    this.context[layer].clear();
    this.context[layer].addFeatures(format.readFeatures(fc));
  }

  /** The layer being edited: its features become selectable; others stay as context to snap to. */
  setEditable(layer: LayerName, fc: FeatureCollection): void {
    this.active = layer;
    this.select(null);
    this.editable.clear();
    const features = format.readFeatures(fc) as Feature<Geometry>[];
    for (const f of features) f.setId(String(f.get('ref')));
    this.editable.addFeatures(features);
    this.editableLayer.setStyle(editableStyle(layer, () => this.selected));
    this.resetSnaps();
  }

  /** Corners snap to the features being edited and to the parcels and zones around them. */
  private resetSnaps(): void {
    for (const s of this.snaps) this.map.removeInteraction(s);
    this.snaps = [this.editable, this.context.land, this.context.plans].map((source) => new Snap({ source, pixelTolerance: 12 }));
    for (const s of this.snaps) this.map.addInteraction(s);
  }

  select(f: Feature | null): void {
    this.selected = f;
    this.modifyTargets.clear();
    if (f) {
      this.modifyTargets.push(f as Feature<Geometry>);
      this.onGeometryChange(f.getGeometry() ?? null);
    }
    this.editableLayer.changed();
  }

  /** Draws one new Point or Polygon; `done` gets the feature (added to the editable layer). */
  startDraw(type: 'Point' | 'Polygon', done: (f: Feature<Geometry>) => void): void {
    this.stopDraw();
    this.select(null);
    this.draw = new Draw({ source: this.editable, type });
    this.draw.on('drawstart', (e) => {
      const g = e.feature.getGeometry();
      g?.on('change', () => this.onGeometryChange(g));
    });
    this.draw.on('drawend', (e) => {
      const f = e.feature as Feature<Geometry>;
      this.stopDraw();
      this.select(f);
      done(f);
    });
    this.map.addInteraction(this.draw);
    this.resetSnaps(); // snaps must come after the draw interaction to act on it
  }

  stopDraw(): void {
    if (this.draw) this.map.removeInteraction(this.draw);
    this.draw = null;
  }

  isDrawing(): boolean {
    return this.draw !== null;
  }

  remove(f: Feature<Geometry>): void {
    if (this.editable.hasFeature(f)) this.editable.removeFeature(f);
  }

  /** GeoJSON geometry of a feature in 3006, coordinates rounded to the millimetre. */
  geometryOf(f: Feature<Geometry>): GeoJsonGeometry {
    const g = format.writeGeometryObject(f.getGeometry()!, { decimals: 3 }) as GeoJsonGeometry;
    return g;
  }

  /** Replaces a feature's geometry and properties with the stored ones (after save or reload). */
  apply(f: Feature<Geometry>, stored: { geometry: GeoJsonGeometry; properties: Record<string, unknown> | null }): void {
    const geom = format.readGeometry(stored.geometry) as Geometry;
    f.setProperties({ ...(stored.properties ?? {}) }, true);
    f.setGeometry(geom);
    f.setId(String(stored.properties?.ref));
    this.select(f);
  }

  zoomTo(f: Feature<Geometry>): void {
    const extent = f.getGeometry()!.getExtent();
    this.map.getView().fit(extent, { maxZoom: 16, padding: [80, 80, 80, 80], duration: 0 });
  }
}
