import { en } from '../../../src/i18n/en';
import { es } from '../../../src/i18n/es';
import { fil } from '../../../src/i18n/fil';
import { ptBR } from '../../../src/i18n/pt-BR';
import { isAnswer } from '../../../src/i18n/answers';
import { LANGUAGES, matchLanguage, t, tp } from '../../../src/i18n';

const CATALOGUES: [string, Record<string, string>][] = [
  ['es', es],
  ['pt-BR', ptBR],
  ['fil', fil],
];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(CATALOGUES)('the %s catalogue', (_name, catalogue) => {
  test('has every key of en.ts and no other', () => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
  });

  test('fills the same placeholders as English in every message', () => {
    const differing = Object.entries(en)
      .filter(([key, text]) => placeholders(catalogue[key] ?? '').join() !== placeholders(text).join())
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  test('has no empty message', () => {
    expect(Object.entries(catalogue).filter(([, text]) => text.trim() === '')).toEqual([]);
  });
});

test('a locale resolves exactly, then by language, then to English', () => {
  expect(matchLanguage('pt-BR')).toBe('pt-BR');
  expect(matchLanguage('pt_br')).toBe('pt-BR');
  expect(matchLanguage('pt-PT')).toBe('pt-BR');
  expect(matchLanguage('es-MX')).toBe('es');
  expect(matchLanguage('es-419')).toBe('es');
  expect(matchLanguage('tl')).toBe('fil');
  expect(matchLanguage('fil-PH')).toBe('fil');
  expect(matchLanguage('en-PH')).toBe('en');
  expect(matchLanguage('de-DE')).toBeNull();
  expect(t('de-DE', 'cancel.done')).toBe('Cancelled.');
  expect(t('es-AR', 'cancel.done')).toBe('Cancelado.');
  expect(LANGUAGES).toEqual(['en', 'es', 'pt-BR', 'fil']);
});

test('plural forms follow Intl.PluralRules and numbers are grouped the locale’s way', () => {
  expect(tp('en', 'users.summary', 1)).toBe('1 user');
  expect(tp('en', 'users.summary', 2)).toBe('2 users');
  expect(tp('en', 'users.summary', 1234)).toBe('1,234 users');
  expect(tp('es', 'users.summary', 1)).toBe('1 usuario');
  expect(tp('es', 'users.summary', 0)).toBe('0 usuarios');
  expect(tp('pt-BR', 'users.summary', 1)).toBe('1 usuário');
  expect(tp('pt-BR', 'users.summary', 12345)).toBe('12.345 usuários');
  // CLDR counts zero as singular in Portuguese; in Brazil a list of none reads plural.
  expect(tp('pt-BR', 'users.summary', 0)).toBe('0 usuários');
});

test('yes, no, skip, back and cancel are understood in the user’s language and in English', () => {
  expect(isAnswer('es', 'yes', 'Sí')).toBe(true);
  expect(isAnswer('es', 'yes', 'yes')).toBe(true);
  expect(isAnswer('pt-BR', 'no', 'Não')).toBe(true);
  expect(isAnswer('pt-BR', 'skip', 'pular')).toBe(true);
  expect(isAnswer('fil', 'back', 'Bumalik')).toBe(true);
  expect(isAnswer('fil', 'cancel', 'kanselahin')).toBe(true);
  expect(isAnswer('es', 'cancel', 'cancelar')).toBe(true);
  // Another language's words are not this user's answers.
  expect(isAnswer('en', 'yes', 'sim')).toBe(false);
  expect(isAnswer('es', 'no', 'hindi')).toBe(false);
});
