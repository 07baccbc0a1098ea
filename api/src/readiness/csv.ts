import type { Response } from 'express';
import type { Lang } from '../contract/enums';

export type Cell = string | number | boolean | null | undefined;
export type { Lang };

/** Swedish Excel expects `;` between fields and a decimal comma; English gets RFC 4180 commas. */
const SEPARATOR: Record<Lang, string> = { sv: ';', en: ',' };

function cell(v: Cell, lang: Lang): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'number' && lang === 'sv' ? String(v).replace('.', ',') : String(v);
  if (s.includes(SEPARATOR[lang]) || /["\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** A CSV text with a UTF-8 byte order mark, so Excel reads å, ä and ö right. */
export function toCsv(headers: string[], rows: Cell[][], lang: Lang): string {
  const lines = [headers, ...rows].map((r) => r.map((v) => cell(v, lang)).join(SEPARATOR[lang]));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function sendCsv(res: Response, filename: string, text: string): void {
  res.type('text/csv; charset=utf-8').attachment(filename).send(text);
}

/** Header in the requested language: `h(lang, 'Område', 'Area')`. */
export const h = (lang: Lang, sv: string, en: string) => (lang === 'sv' ? sv : en);
