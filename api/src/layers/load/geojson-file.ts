import fs from 'node:fs';
import { parser } from 'stream-json';
import Assembler from 'stream-json/Assembler';
import type { Srid } from '../../geo/crs';
import { LoadError } from '../load-error';
import type { FeatureSource } from './source';

interface Token {
  name: string;
  value?: string;
}

const notCollection = () => new LoadError([{ index: null, reason: 'the file is not a GeoJSON FeatureCollection' }]);
const noFeatures = () => new LoadError([{ index: null, reason: 'the FeatureCollection has no features array' }]);

/**
 * A GeoJSON FeatureCollection file (the layer contract), parsed as a stream: each element
 * of `features` is assembled, yielded and forgotten, so memory does not grow with the file.
 * The checks and messages are those of the whole-file parse it replaces.
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
  const tokens = fs.createReadStream(file).pipe(parser({ streamValues: false }));
  let depth = 0;
  let key: string | undefined;
  let type: unknown;
  let sawFeatures = false;
  let inFeatures = false;
  let skipDepth = 0;
  let asm: Assembler | undefined;
  try {
    for await (const t of tokens as AsyncIterable<Token>) {
      if (asm) {
        // Inside one feature: the assembler builds it; when it is whole, hand it on.
        asm.consume(t);
        if (asm.done) {
          yield asm.current;
          asm = undefined;
        }
        continue;
      }
      if (depth === 0) {
        if (t.name !== 'startObject') throw notCollection();
        depth = 1;
        continue;
      }
      if (inFeatures) {
        if (t.name === 'endArray') {
          inFeatures = false;
          continue;
        }
        asm = new Assembler();
        asm.consume(t);
        if (asm.done) {
          yield asm.current;
          asm = undefined;
        }
        continue;
      }
      if (skipDepth > 0) {
        if (t.name === 'startObject' || t.name === 'startArray') skipDepth++;
        if (t.name === 'endObject' || t.name === 'endArray') skipDepth--;
        continue;
      }
      if (t.name === 'keyValue') {
        key = t.value;
        continue;
      }
      if (t.name === 'endObject') break;
      // A value at the top level of the collection, for `key`.
      if (key === 'features') {
        if (t.name !== 'startArray') throw noFeatures();
        sawFeatures = true;
        inFeatures = true;
      } else if (key === 'type') {
        type = t.name === 'stringValue' ? t.value : null;
      } else if (t.name === 'startObject' || t.name === 'startArray') {
        skipDepth = 1;
      }
      key = undefined;
    }
  } catch (err) {
    if (err instanceof LoadError) throw err;
    throw new LoadError([{ index: null, reason: `malformed JSON: ${(err as Error).message}` }]);
  } finally {
    tokens.destroy();
  }
  if (type !== 'FeatureCollection') throw notCollection();
  if (!sawFeatures) throw noFeatures();
}
