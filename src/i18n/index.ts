import { en, type MessageKey } from './en';
import { es } from './es';
import { fil } from './fil';
import { ptBR } from './pt-BR';
import { formatNumber } from './format';

export type { MessageKey } from './en';
export type MessageParams = Record<string, string | number>;

/** The languages Endorse speaks, as stored on `User.language`. */
export const LANGUAGES = ['en', 'es', 'pt-BR', 'fil'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself: what the one-tap language choice shows. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  fil: 'Filipino',
};

/**
 * A new language is one more file typed `Record<MessageKey, string>` (the compiler names every key
 * it misses), added here and to `LANGUAGES`. A key added to en.ts fails the build until each
 * catalogue has it.
 */
const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, es, 'pt-BR': ptBR, fil };

/** A bare language subtag → the catalogue that serves it (`pt` → Brazilian, `tl` → Filipino). */
const BY_LANGUAGE: Record<string, Language> = { en: 'en', es: 'es', pt: 'pt-BR', fil: 'fil', tl: 'fil' };

/**
 * The supported language for a BCP 47 tag: exact (`pt-BR`), then by language (`pt-PT` → `pt-BR`,
 * `es-MX` → `es`, `tl` → `fil`), else null. Case and `_` separators (`pt_br`) are forgiven.
 */
export function matchLanguage(locale: string | null | undefined): Language | null {
  if (!locale) return null;
  const tag = locale.trim().replace(/_/g, '-').toLowerCase();
  const exact = LANGUAGES.find((l) => l.toLowerCase() === tag);
  if (exact) return exact;
  return BY_LANGUAGE[tag.split('-')[0] ?? ''] ?? null;
}

/** Like `matchLanguage`, with English for anything unsupported. */
export const languageOf = (locale: string | null | undefined): Language => matchLanguage(locale) ?? 'en';

const fill = (template: string, params: MessageParams): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });

/**
 * The text of `key` in `locale` (BCP 47, resolved by `languageOf`), with `{name}` placeholders
 * filled from `params`. Unknown locales get English.
 */
export function t(locale: string, key: MessageKey, params: MessageParams = {}): string {
  return fill(CATALOGS[languageOf(locale)][key], params);
}

const PLURAL_RULES = new Map<Language, Intl.PluralRules>();
/** Made once per language: a list page asks for several plural forms. */
function pluralRules(language: Language): Intl.PluralRules {
  let rules = PLURAL_RULES.get(language);
  if (!rules) PLURAL_RULES.set(language, (rules = new Intl.PluralRules(language)));
  return rules;
}

/** The base of every key that comes in plural forms (`users.summary` for `users.summary.other`). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

/**
 * The form of `key` for `count` in `locale`, chosen by `Intl.PluralRules` (`.one`, `.few`,
 * `.many`, … where the catalogue has them, else `.other`); `{count}` is the number formatted for
 * the locale.
 */
export function tp(locale: string, key: PluralKey, count: number, params: MessageParams = {}): string {
  const language = languageOf(locale);
  const catalog: Partial<Record<string, string>> = CATALOGS[language];
  // CLDR puts 0 with 1 in Portuguese, but Brazilian recruiters write “0 usuários”, not “0 usuário”.
  const category = count === 0 && language === 'pt-BR' ? 'other' : pluralRules(language).select(count);
  const template = catalog[`${key}.${category}`] ?? CATALOGS[language][`${key}.other` as MessageKey];
  return fill(template, { ...params, count: formatNumber(language, count) });
}
