import fs from 'node:fs';
import type { Srid } from '../../geo/crs';
import { LoadError } from '../load-error';
import { FeatureSplitter } from './feature-splitter';
import type { FeatureSource } from './source';

const notCollection = () => new LoadError([{ index: null, reason: 'the file is not a GeoJSON FeatureCollection' }]);
const noFeatures = () => new LoadError([{ index: null, reason: 'the FeatureCollection has no features array' }]);
const malformed = (err: unknown) => new LoadError([{ index: null, reason: `malformed JSON: ${(err as Error).message}` }]);

/**
 * A GeoJSON FeatureCollection file (the layer contract), read as a stream: each element of
 * `features` is parsed, yielded and forgotten, so memory does not grow with the file. The
 * checks and messages are those of the whole-file parse it replaces.
 */
export function geojsonFileSource(file: string, srid: Srid): FeatureSource {
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch (err) {
    throw new LoadError([{ index: null, reason: `cannot read ${file}: ${(err as Error).message}` }]);
  }
  return { srid, features: () => features(file) };
}

async function* features(file: string): AsyncGenerator<unknown> {
  const splitter = new FeatureSplitter();
  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let texts: string[];
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      try {
        texts = splitter.push(chunk);
      } catch (err) {
        throw (err as Error).message === 'the file is not a JSON object' ? notCollection() : malformed(err);
      }
      for (const text of texts) {
        let feature: unknown;
        try {
          feature = JSON.parse(text);
        } catch (err) {
          throw malformed(err);
        }
        yield feature;
      }
    }
  } finally {
    stream.destroy();
  }
  let end: ReturnType<FeatureSplitter['end']>;
  try {
    end = splitter.end();
  } catch (err) {
    throw malformed(err);
  }
  if ((end.rest as { type?: unknown })?.type !== 'FeatureCollection') throw notCollection();
  if (!end.sawFeatures) throw noFeatures();
}
