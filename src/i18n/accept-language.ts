import { matchLanguage, type Language } from './index';

/**
 * The tags of an `Accept-Language` header, best first (by quality, then by order):
 * `pt-BR,pt;q=0.9,en;q=0.8` → `['pt-BR', 'pt', 'en']`. Wildcards and malformed tags are left out.
 */
export function rankedLocales(header: string | string[] | undefined): string[] {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return [];
  return value
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(r.tag) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((r) => r.tag);
}

/**
 * The first language of the header that Endorse speaks (`de-DE,es;q=0.8` → `es`), else English:
 * what a page shows to a visitor it knows nothing else about.
 */
export function languageFromAcceptLanguage(header: string | string[] | undefined): Language {
  for (const tag of rankedLocales(header)) {
    const language = matchLanguage(tag);
    if (language) return language;
  }
  return 'en';
}
