import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';

// The one CSV writer (readiness, pipeline, unmet demand, KPIs). csv-stringify does the
// quoting (a field with the separator, a quote, CR or LF is quoted, quotes doubled);
// this module only chooses the dialect.

export type Cell = string | number | boolean | null | undefined;
export type { Lang } from '../contract/enums';
import type { Lang } from '../contract/enums';

export interface CsvOptions {
  /** sv: `;` between fields and a decimal comma, as Swedish Excel expects; en: RFC 4180 commas. */
  lang: Lang;
  /** A UTF-8 byte order mark first, so Excel reads å, ä and ö right. */
  bom: boolean;
}

const SEPARATOR: Record<Lang, string> = { sv: ';', en: ',' };

/**
 * Rows (the header first) as CSV text, CRLF after every line.
 * Example: `toCsv([['Område', 'ha'], ['lanna', 1.5]], { lang: 'sv', bom: true })` →
 * `'\uFEFFOmråde;ha\r\nlanna;1,5\r\n'`.
 */
export function toCsv(rows: Cell[][], { lang, bom }: CsvOptions): string {
  return stringify(rows, {
    bom,
    delimiter: SEPARATOR[lang],
    record_delimiter: '\r\n',
    // A line break inside a field must be quoted, whichever break the record delimiter uses.
    quoted_match: /[\r\n]/,
    cast: {
      number: (n) => (lang === 'sv' ? String(n).replace('.', ',') : String(n)),
      // csv-stringify writes true as "1" and false as ""; the files say true/false.
      boolean: (b) => String(b),
    },
  });
}

export function sendCsv(res: Response, filename: string, text: string): void {
  res.type('text/csv; charset=utf-8').attachment(filename).send(text);
}

/** Header in the requested language: `h(lang, 'Område', 'Area')`. */
export const h = (lang: Lang, sv: string, en: string) => (lang === 'sv' ? sv : en);
