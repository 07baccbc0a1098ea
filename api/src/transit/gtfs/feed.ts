import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import yauzl from 'yauzl';

/** A GTFS feed that cannot be imported: the file, and why. Nothing was stored. */
export class GtfsError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'GtfsError';
  }
}

/** One row of a GTFS table, with its line in the file (for messages). */
export interface GtfsRow {
  line: number;
  get: (column: string) => string;
}

/** A feed folder or zip: which tables it has, and a stream of each. */
export interface Feed {
  name: string;
  has(table: string): boolean;
  open(table: string): Promise<Readable>;
  close(): void;
}

function folderFeed(dir: string): Feed {
  const files = new Set(fs.readdirSync(dir));
  return {
    name: path.basename(dir),
    has: (t) => files.has(t),
    open: async (t) => fs.createReadStream(path.join(dir, t)),
    close: () => undefined,
  };
}

// A feed is usually zipped; entries are read as streams (a national stop_times.txt is
// hundreds of MB), found by their base name (some zips put the tables in a folder).
async function zipFeed(file: string): Promise<Feed> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, z) => (err ? reject(err) : resolve(z!))),
  ).catch((err: Error) => {
    throw new GtfsError(path.basename(file), `not a readable zip file: ${err.message}`);
  });
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      if (!e.fileName.endsWith('/')) entries.set(path.basename(e.fileName), e);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return {
    name: path.basename(file),
    has: (t) => entries.has(t),
    open: (t) =>
      new Promise((resolve, reject) => zip.openReadStream(entries.get(t)!, (err, s) => (err ? reject(err) : resolve(s!)))),
    close: () => zip.close(),
  };
}

/** Opens a GTFS feed: a folder of .txt files or a .zip of them. */
export async function openFeed(source: string): Promise<Feed> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch {
    throw new GtfsError(source, 'no such folder or zip file');
  }
  return stat.isDirectory() ? folderFeed(source) : zipFeed(source);
}

/**
 * The rows of one table, streamed. `required` columns must be in the header (else a
 * GtfsError naming the file and the column); values are trimmed strings, '' when absent.
 */
export async function* rows(feed: Feed, table: string, required: string[]): AsyncGenerator<GtfsRow> {
  const parser = (await feed.open(table)).pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true }));
  let index: Map<string, number> | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!index) {
        index = new Map(record.map((c, i) => [c.trim(), i]));
        const missing = required.filter((c) => !index!.has(c));
        if (missing.length > 0) throw new GtfsError(table, `required column ${missing.join(', ')} is missing from the header`);
        continue;
      }
      const at = index;
      yield { line: info.lines, get: (c) => (at.has(c) ? (record[at.get(c)!] ?? '').trim() : '') };
    }
  } catch (err) {
    if (err instanceof GtfsError) throw err;
    throw new GtfsError(table, `not readable as CSV: ${(err as Error).message}`);
  }
  if (!index) throw new GtfsError(table, 'is empty (no header line)');
}
