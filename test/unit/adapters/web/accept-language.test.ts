import { localeFromAcceptLanguage } from '../../../../adapters/web/parse';

test('the web chat takes the browser’s first language choice by quality', () => {
  expect(localeFromAcceptLanguage('pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('pt-BR');
  expect(localeFromAcceptLanguage('en;q=0.5, es-MX')).toBe('es-MX');
  expect(localeFromAcceptLanguage('*;q=0.5, fil;q=0.8')).toBe('fil');
  expect(localeFromAcceptLanguage('de;q=0, tl;q=0.3')).toBe('tl');
  expect(localeFromAcceptLanguage(['es', 'en'])).toBe('es');
  expect(localeFromAcceptLanguage('')).toBeUndefined();
  expect(localeFromAcceptLanguage(undefined)).toBeUndefined();
});
