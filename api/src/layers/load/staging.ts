import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { DbClient } from '../../db/pool';
import { sqlFile } from '../../db/sql-file';

const createStagingSql = sqlFile(__dirname, 'create-staging.sql');

/** One row of the staging table: a checked feature (or area part) on its way to the layer. */
export interface StagedRow {
  index: number;
  ref: string;
  /** Rows with the same group key are parts of one feature (e.g. Lantmäteriet's registerenhetsreferens). */
  group: string | null;
  properties: Record<string, unknown>;
  /** Properties filled from a mapping's defaults: a re-load keeps what is stored for them. */
  defaulted: string[];
  ewkt: string;
}

// COPY text format: backslash, tab, newline and carriage return must be escaped.
const esc = (s: string): string => s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
const arr = (a: string[]): string => `{${a.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

// Rows are handed to the connection in batches of about this many characters: one socket
// write (and one CopyData message) per row cost 1.9 s of the loader's 2.8 s for 100 000
// parcels in the kernel's write path; per 256 KB it is a few hundred writes.
const BATCH_CHARS = 256 * 1024;

/**
 * A COPY into the load's temporary staging table (load_staging): rows are written as they
 * are checked, so a file of any size passes through constant memory, and the database sees
 * one bulk write instead of a statement per feature.
 */
export class StagingWriter {
  private error: Error | undefined;
  private batch: string[] = [];
  private batchChars = 0;

  private constructor(private readonly stream: Writable) {
    // Remembered, not thrown from an event handler: the next write or close reports it.
    stream.on('error', (err: Error) => (this.error = err));
  }

  static async open(client: DbClient): Promise<StagingWriter> {
    await client.query(createStagingSql);
    const stream = client.query(copyFrom('copy load_staging (idx, ref, grp, props, defaulted, geom) from stdin'));
    return new StagingWriter(stream);
  }

  /** Writes one row; waits when the connection's buffer is full (back-pressure). */
  async write(row: StagedRow): Promise<void> {
    const line = [
      String(row.index), esc(row.ref), row.group === null ? '\\N' : esc(row.group),
      esc(JSON.stringify(row.properties)), esc(arr(row.defaulted)), row.ewkt,
    ].join('\t');
    if (this.error) throw this.error;
    this.batch.push(line);
    this.batchChars += line.length + 1;
    if (this.batchChars >= BATCH_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const text = `${this.batch.join('\n')}\n`;
    this.batch = [];
    this.batchChars = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Ends the COPY and waits until the server has every row. */
  async close(): Promise<void> {
    if (this.error) throw this.error;
    await this.flush();
    if (this.error) throw this.error;
    const done = once(this.stream, 'finish');
    this.stream.end();
    await done;
  }
}
