import { en, type MessageKey } from './en';

export type { MessageKey } from './en';
export type MessageParams = Record<string, string | number>;

/** A second language is one more file with the same keys, added here. */
const CATALOGS: Record<string, Partial<Record<MessageKey, string>>> = { en };

/**
 * The text of `key` in `locale` (BCP 47; `en-PH` falls back to `en`), with `{name}` placeholders
 * filled from `params`. Unknown locales and missing keys fall back to English.
 */
export function t(locale: string, key: MessageKey, params: MessageParams = {}): string {
  const language = locale.toLowerCase().split('-')[0] ?? 'en';
  const template = CATALOGS[locale]?.[key] ?? CATALOGS[language]?.[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** A calendar day as the user's locale writes it (dates are kept in UTC). */
export function formatDay(locale: string, day: Date): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
  } catch {
    // A locale tag Intl does not know (a platform sent something odd): English rather than nothing.
    return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
  }
}

/** Keys that come in plural forms: `<base>.one`, `<base>.other` (and any other CLDR category). */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey];

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * `t()` of the plural form of `base` that `count` takes in `locale` (Intl.PluralRules: English
 * "1 user", "2 users"), with `{count}` filled in; a form a catalogue lacks falls back to `.other`.
 */
export function plural(locale: string, base: PluralKey, count: number, params: MessageParams = {}): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(Intl.PluralRules.supportedLocalesOf(locale)[0] ?? 'en');
    pluralRules.set(locale, rules);
  }
  const form = `${base}.${rules.select(count)}`;
  const key = (form in en ? form : `${base}.other`) as MessageKey;
  return t(locale, key, { count, ...params });
}
