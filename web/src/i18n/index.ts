/**
 * The app's texts: one catalogue per language (sv.ts, the default and the source of the keys; en.ts), and the few
 * functions that pick and fill them. Components call t('key', { vars }); `{name}` placeholders are filled from vars.
 */
import { useEffect, useState } from 'preact/hooks';
import { en } from './en';
import { sv, type Catalogue, type Key } from './sv';

export type { Key } from './sv';

export type Locale = 'sv' | 'en';
const catalogues: Record<Locale, Catalogue> = { sv, en };
const storageKey = 'arshjul.locale';

let locale: Locale = readStoredLocale();
const listeners = new Set<(l: Locale) => void>();

function readStoredLocale(): Locale {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

export function currentLocale(): Locale {
  return locale;
}

export function setLocale(next: Locale): void {
  locale = next;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // No storage: the choice lasts for the page.
  }
  document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

export type Vars = Record<string, string | number>;

/** The text for a key in the current language, with `{name}` filled from vars. */
export function t(key: Key, vars?: Vars): string {
  const template = catalogues[locale][key] ?? sv[key] ?? key;
  return vars ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : template;
}

/** Re-renders the calling component when the language changes. */
export function useLocale(): Locale {
  const [value, setValue] = useState(locale);
  useEffect(() => {
    listeners.add(setValue);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}

/** A number as the language writes it: 6,5 in Swedish, 6.5 in English. */
export function formatNumber(value: number | null | undefined, options: Intl.NumberFormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2, ...options }).format(value);
}

/** An ISO date or instant as the language writes it. */
export function formatDate(iso: string | undefined, withTime = false): string {
  if (!iso) return '–';
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    year: 'numeric',
    month: withTime ? 'short' : 'long',
    day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' } : { timeZone: 'UTC' }),
  }).format(date);
}

/** A value typed in a form as text, for the input: 6,5 in Swedish. */
export function numberToInput(value: number | undefined | null): string {
  if (value === undefined || value === null) return '';
  return locale === 'sv' ? String(value).replace('.', ',') : String(value);
}

/** Reads a number typed in either language's way ("6,5", "6.5", "1 200"); undefined when blank, NaN when not a number. */
export function parseNumberInput(text: string): number | undefined {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.').replace(/^−/, '-');
  if (cleaned === '') return undefined;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}
