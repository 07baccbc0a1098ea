// --map and --set: source attributes to a layer's properties (api/src/layers/load/mapping.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mapFeature, parseSet, readMapping } from '../../api/src/layers/load/mapping';
import { LoadError } from '../../api/src/layers/load-error';
import { resolveMapping } from '../../gis-data/src/mappings';

const parcels = resolveMapping('lantmateriet-fastighetsindelning');
const part = (attrs: Record<string, unknown>) => ({ type: 'Feature', properties: attrs, geometry: { type: 'Point', coordinates: [0, 0] } });
const props = (r: ReturnType<typeof mapFeature>) => ('feature' in r ? r.feature.properties : r);

describe('mapping', () => {
  test('when a register part has a block, then the designation is {kommunnamn} {trakt} {block}:{enhet}', () => {
    const r = mapFeature(parcels, {}, part({ kommunnamn: 'HUDDINGE', trakt: 'LÄNNA', block: '4', enhet: 12, registerenhetsreferens: 'u1' }));
    expect(props(r)).toEqual({ ref: 'HUDDINGE LÄNNA 4:12', source: 'Lantmäteriet, Fastighetsindelning', ownerType: 'other', status: 'not_for_sale' });
    expect(r).toMatchObject({ group: 'u1', defaulted: ['ownerType', 'status'] });
  });

  test('when the block is null or empty (a Shapefile has no nulls), then it is {kommunnamn} {trakt} {enhet}', () => {
    for (const block of [null, '', '  ']) {
      expect(props(mapFeature(parcels, {}, part({ kommunnamn: 'HUDDINGE', trakt: 'SEGELTORP', block, enhet: 7 })))).toMatchObject({ ref: 'HUDDINGE SEGELTORP 7' });
    }
  });

  test('when a file has no block and enhet columns, then the etikett gives the designation without its area-part suffix', () => {
    const r = mapFeature(parcels, {}, part({ kommunnamn: 'HUDDINGE', trakt: 'LÄNNA', etikett: '4:12>2', registeren: 'u1' }));
    expect(props(r)).toMatchObject({ ref: 'HUDDINGE LÄNNA 4:12' });
    expect(r).toMatchObject({ group: 'u1' });
  });

  test('when --set names a defaulted property, then the set value wins and is not a default', () => {
    const r = mapFeature(parcels, { status: 'available' }, part({ kommunnamn: 'A', trakt: 'B', enhet: 1 }));
    expect(props(r)).toMatchObject({ status: 'available', ownerType: 'other' });
    expect(r).toMatchObject({ defaulted: ['ownerType'] });
  });

  test('when there is no mapping, then attributes pass as they are and --set goes over them', () => {
    expect(props(mapFeature(undefined, { status: 'sold' }, part({ ref: 'X 1:1', status: 'available', fid: 3 })))).toEqual({ ref: 'X 1:1', status: 'sold', fid: 3 });
  });

  test('when an attribute spec copies a value, then numbers stay numbers and a missing one is null', () => {
    const m = { layer: 'premises' as const, properties: { ref: '{id}', floorAreaM2: { attribute: 'yta' }, rentSekPerM2Year: { attribute: 'hyra' } }, defaults: {} };
    expect(props(mapFeature(m, {}, part({ id: 7, yta: 420.5 })))).toEqual({ ref: '7', floorAreaM2: 420.5, rentSekPerM2Year: null });
  });

  test('when an attribute spec splits, then a text becomes a list (a zone\'s use codes)', () => {
    const m = { layer: 'plans' as const, properties: { ref: '{zon}', useCodes: { attribute: 'anv', split: ',' } }, defaults: {} };
    expect(props(mapFeature(m, {}, part({ zon: 'Z1', anv: 'J, Z,' })))).toEqual({ ref: 'Z1', useCodes: ['J', 'Z'] });
  });

  test('when --set values look like numbers or booleans, then they are typed', () => {
    expect(parseSet('priceSekPerM2=1200')).toEqual(['priceSekPerM2', 1200]);
    expect(parseSet('planned=true')).toEqual(['planned', true]);
    expect(parseSet('status=available')).toEqual(['status', 'available']);
    expect(parseSet('novalue')).toBeUndefined();
  });

  test('when a mapping file names an unknown layer or filter, then it is refused naming the file and field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etablera-mapping-'));
    const file = path.join(dir, 'm.json');
    fs.writeFileSync(file, JSON.stringify({ layer: 'parcels', properties: { ref: '{a|shout}' } }));
    const err = (() => { try { readMapping(file); } catch (e) { return e; } })() as LoadError;
    expect(err).toBeInstanceOf(LoadError);
    expect(err.message).toMatch(/mapping .*m\.json: layer: is not a layer name/);
    expect(err.message).toMatch(/properties\.ref.*unknown filter/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
