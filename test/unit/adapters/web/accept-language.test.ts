import { localeFromAcceptLanguage } from '../../../../adapters/web/parse';
import { languageFromAcceptLanguage } from '../../../../src/i18n/accept-language';

test('the web chat takes the browser’s first language choice by quality', () => {
  expect(localeFromAcceptLanguage('pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('pt-BR');
  expect(localeFromAcceptLanguage('en;q=0.5, es-MX')).toBe('es-MX');
  expect(localeFromAcceptLanguage('*;q=0.5, fil;q=0.8')).toBe('fil');
  expect(localeFromAcceptLanguage('de;q=0, tl;q=0.3')).toBe('tl');
  expect(localeFromAcceptLanguage(['es', 'en'])).toBe('es');
  expect(localeFromAcceptLanguage('')).toBeUndefined();
  expect(localeFromAcceptLanguage(undefined)).toBeUndefined();
});

test('a page takes the first language of the header that Endorse speaks, else English', () => {
  expect(languageFromAcceptLanguage('de-DE,de;q=0.9,es;q=0.8,en;q=0.7')).toBe('es');
  expect(languageFromAcceptLanguage('pt-PT')).toBe('pt-BR');
  expect(languageFromAcceptLanguage('fil-PH,en;q=0.5')).toBe('fil');
  expect(languageFromAcceptLanguage('ja, ko;q=0.5')).toBe('en');
  expect(languageFromAcceptLanguage(undefined)).toBe('en');
});
