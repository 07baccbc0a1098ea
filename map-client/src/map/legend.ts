// The legend with a visibility toggle per layer group. Swatches use the same colour
// tables as the style (palette.ts); plan colours come from Boverket's catalogue via the
// plans TileJSON, listing the use codes present in the data.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { h } from '../shared/dom';
import type { Lang } from '../shared/i18n';
import type { UseCode } from '@etablera/contract';
import type { MapKey } from '../i18n/map';
import type { T } from './facts';
import { AREA_COLOUR, LAND_STATUS_COLOURS, OWNER_COLOURS, PREMISES_COLOURS, RESULT_COLOUR, STOP_COLOURS } from './palette';
import { LAYER_GROUPS, type LayerGroup } from './style';

const swatch = (colour: string, shape: 'fill' | 'line' | 'dot' | 'dash' | 'faded' = 'fill') =>
  h('span', { class: `swatch swatch-${shape}`, style: `--c:${colour}`, 'aria-hidden': 'true' });
const entry = (colour: string, label: string, shape?: Parameters<typeof swatch>[1]) => h('li', {}, swatch(colour, shape), label);

export function buildLegend(container: HTMLElement, map: MapLibreMap, t: T, lang: Lang, useCodes: UseCode[], presentCodes: () => Set<string>): { refreshPlans: () => void } {
  const plansList = h('ul', { class: 'legend-entries' });
  const details: Record<LayerGroup, HTMLElement | null> = {
    municipalities: null,
    plans: h('div', {}, plansList, h('p', { class: 'hint' }, h('span', { class: 'swatch swatch-dash', style: '--c:#7a6a4f', 'aria-hidden': 'true' }), t('planPipeline'))),
    land: h('div', {},
      h('p', { class: 'hint' }, t('statusLegend')),
      h('ul', { class: 'legend-entries' }, Object.entries(LAND_STATUS_COLOURS).map(([k, c]) => entry(c, t(`status_${k}` as MapKey)))),
      h('p', { class: 'hint' }, t('ownerLegend')),
      h('ul', { class: 'legend-entries' }, Object.entries(OWNER_COLOURS).map(([k, c]) => entry(c, t(`owner_${k}` as MapKey), 'line')))),
    areas: h('ul', { class: 'legend-entries' }, entry(AREA_COLOUR, t('layer_areas'), 'line')),
    premises: h('ul', { class: 'legend-entries' }, Object.entries(PREMISES_COLOURS).map(([k, c]) => entry(c, t(`kindname_${k}` as MapKey), 'dot'))),
    stops: h('ul', { class: 'legend-entries' },
      Object.entries(STOP_COLOURS).map(([k, c]) => entry(c, t(`mode_${k}` as MapKey), 'dot')),
      entry('#d81b60', t('plannedFaded'), 'faded')),
    results: h('ul', { class: 'legend-entries' }, entry(RESULT_COLOUR, t('topSites'), 'line')),
  };

  const groups = (Object.keys(LAYER_GROUPS) as LayerGroup[]).slice().reverse();
  container.replaceChildren(
    h('ul', { class: 'layer-toggles' },
      groups.map((g) => {
        const id = `toggle-${g}`;
        const input = h('input', { type: 'checkbox', id, checked: true, 'data-group': g });
        input.addEventListener('change', () => {
          for (const layer of LAYER_GROUPS[g]) map.setLayoutProperty(layer, 'visibility', input.checked ? 'visible' : 'none');
        });
        return h('li', { class: 'layer-toggle' }, h('label', { for: id }, input, t(`layer_${g}` as MapKey)), details[g]);
      })),
  );

  const refreshPlans = () => {
    const present = presentCodes();
    const shown = useCodes.filter((u) => present.size === 0 || present.has(u.code));
    plansList.replaceChildren(...shown.map((u) => entry(u.colour, `${u.code} – ${lang === 'sv' ? u.nameSv : u.nameEn}`)));
  };
  refreshPlans();
  return { refreshPlans };
}
