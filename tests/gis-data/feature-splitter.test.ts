// The streaming FeatureCollection reader must cut exactly the elements JSON.parse sees, at any chunk size.
import fs from 'node:fs';
import path from 'node:path';
import { FeatureSplitter } from '../../api/src/layers/load/feature-splitter';

function split(text: string, size: number): { features: unknown[]; rest: unknown; sawFeatures: boolean } {
  const s = new FeatureSplitter();
  const features: unknown[] = [];
  for (let i = 0; i < text.length; i += size) features.push(...s.push(text.slice(i, i + size)).map((t) => JSON.parse(t)));
  return { features, ...s.end() };
}

const awkward = JSON.stringify({
  name: 'a "quoted" name with { braces } and [brackets] and a \\ backslash',
  type: 'FeatureCollection',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3006', features: [1, 2] } },
  features: [
    { type: 'Feature', properties: { ref: 'x}]"\\', features: ['not', 'these'], nested: { a: [[{}]] } }, geometry: null },
    null, 5, 'text, with comma ]', true, [],
    { type: 'Feature', properties: { ref: 'ÅÄÖ 1:2' }, geometry: { type: 'Point', coordinates: [18, 59.2] } },
  ],
  after: { features: 'ignored' },
}, null, 1);

const files = [
  ...fs.readdirSync(path.join(__dirname, '../fixtures/loader')).filter((f) => f.endsWith('.geojson') && f !== 'malformed.geojson')
    .map((f) => path.join(__dirname, '../fixtures/loader', f)),
  path.join(__dirname, '../../gis-data/layers/plans.geojson'),
];

describe('FeatureSplitter', () => {
  test.each([1, 3, 17, 4096, 1 << 30])('when awkward JSON is fed in chunks of %i characters, then the features and the rest are exactly JSON.parse\'s', (size) => {
    const doc = JSON.parse(awkward);
    const got = split(awkward, size);
    expect(got.features).toEqual(doc.features);
    expect(got.rest).toEqual({ ...doc, features: [] });
    expect(got.sawFeatures).toBe(true);
  });

  test.each(files)('when %s is split in 13-character chunks, then its features equal JSON.parse\'s', (file) => {
    const text = fs.readFileSync(file, 'utf8');
    expect(split(text, 13).features).toEqual(JSON.parse(text).features);
  });

  test('when the text starts with a byte-order mark, then it is read as without one', () => {
    const doc = JSON.parse(awkward);
    expect(split('\ufeff' + awkward, 5).features).toEqual(doc.features);
  });

  test('when the text ends inside a feature, then end() throws', () => {
    expect(() => split('{"type":"FeatureCollection","features":[{"type":"Feature",', 5)).toThrow(/ends inside/);
  });

  test('when the root is not an object, then push throws', () => {
    expect(() => split('[{"type":"Feature"}]', 4)).toThrow(/not a JSON object/);
  });

  test('when there is no features array, then sawFeatures is false', () => {
    expect(split('{"type":"FeatureCollection","features":{}}', 4).sawFeatures).toBe(false);
  });
});
