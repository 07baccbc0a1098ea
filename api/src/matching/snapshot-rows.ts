// Rows for the matching snapshot as text fields, from either a `COPY (...) TO STDOUT` (a whole
// read: streamed and split here, several times faster than rows through pg's parsers and with
// no object per row) or a parameterised query (a read by id). Either way a field is the
// column's text form, or null.
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { to as copyTo } from 'pg-copy-streams';
import type { DbClient } from '../db/pool';

export type TextRow = Array<string | null>;

const asText = { getTypeParser: () => (value: string) => value };

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** A field of COPY's text format: `\N` is null; backslash escapes as PostgreSQL writes them. */
function copyField(raw: string): string | null {
  if (raw === '\\N') return null;
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
}

/**
 * Calls `onRow` with each row of `sql`: a COPY TO STDOUT when `values` is null, else a query
 * with those parameters.
 */
export async function readTextRows(c: DbClient, sql: string, values: unknown[] | null, onRow: (row: TextRow) => void): Promise<void> {
  if (values) {
    const { rows } = await c.query({ text: sql, values, rowMode: 'array', types: asText });
    for (const r of rows) onRow(r as TextRow);
    return;
  }
  let rest = '';
  // a character may be split between two chunks
  const decoder = new StringDecoder('utf8');
  const lines = new Writable({
    decodeStrings: false,
    write(chunk: Buffer, _enc, done) {
      const text = rest + decoder.write(chunk);
      const end = text.lastIndexOf('\n');
      rest = text.slice(end + 1);
      if (end >= 0) {
        for (const line of text.slice(0, end).split('\n')) onRow(line.split('\t').map(copyField));
      }
      done();
    },
  });
  await pipeline(c.query(copyTo(sql)), lines);
  if (rest.length > 0) onRow(rest.split('\t').map(copyField));
}
