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
