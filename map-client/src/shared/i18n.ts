/**
 * Language for every page: Swedish by default, English on request. The choice comes from
 * `?lang=` first, then localStorage, and is remembered. Framework-free.
 *
 * Example:
 *   const lang = initLang();
 *   const t = translator({ sv: { hello: 'Hej' }, en: { hello: 'Hello' } }, lang);
 *   t('hello'); formatM2(12500, lang) // "12 500 m²"
 */

import { LANGS, type Lang } from '@etablera/contract';

export { LANGS, type Lang };
const STORAGE_KEY = 'etablera.lang';

const isLang = (v: unknown): v is Lang => (LANGS as readonly unknown[]).includes(v);

/** The language to use now (URL, then stored choice, then Swedish); sets `<html lang>`. */
export function initLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  let lang: Lang = 'sv';
  if (isLang(fromUrl)) lang = fromUrl;
  else {
    try {
      const stored = localStorage.getItem(STORAGE_KEY);
      if (isLang(stored)) lang = stored;
    } catch {
      // storage blocked: Swedish
    }
  }
  rememberLang(lang);
  document.documentElement.lang = lang;
  return lang;
}

/** Stores the choice for the next visit. */
export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage blocked: the URL still carries it
  }
}

/** The current URL with `lang` set: switching language keeps the page's state. */
export function urlWithLang(lang: Lang): string {
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  return url.toString();
}

export type Dictionary = Record<string, string>;

/**
 * `t(key, vars)` over a page's dictionaries; `{name}` placeholders are filled from vars.
 * A missing key falls back to Swedish, then to the key itself (visible, never a crash).
 */
export function translator<D extends Dictionary>(dicts: { sv: D; en: Partial<D> }, lang: Lang) {
  return (key: keyof D & string, vars: Record<string, string | number> = {}): string => {
    const text = dicts[lang][key] ?? dicts.sv[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`));
  };
}

const locale = (lang: Lang) => (lang === 'sv' ? 'sv-SE' : 'en-GB');

/** 12 500 (sv) / 12,500 (en). */
export function formatNumber(n: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}

/** "12 500 m²". */
export const formatM2 = (m2: number, lang: Lang) => `${formatNumber(Math.round(m2), lang)} m²`;

/** "1 200 kr/m²" / "SEK 1,200/m²". */
export function formatSek(amount: number, lang: Lang, per: string): string {
  return lang === 'sv' ? `${formatNumber(amount, lang)} kr/${per}` : `SEK ${formatNumber(amount, lang)}/${per}`;
}

/** A YYYY-MM-DD date written out: "30 juni 2027" / "30 June 2027". */
export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}
