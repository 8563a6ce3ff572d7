import { findControlCharacter, hasControlCharacter, stripControlCharacters } from '../../../src/domain/control-characters';
import { escapeLikePattern } from '../../../src/domain/like-pattern';

test('control characters: C0 but tab, LF, CR, and DEL are found and stripped; text and emoji are not', () => {
  expect(stripControlCharacters('a\u0000b\u0001c\u001fd\u007fe')).toBe('abcde');
  expect(stripControlCharacters('line\r\n\tnext — Añejo 🙂')).toBe('line\r\n\tnext — Añejo 🙂');
  expect(hasControlCharacter('ok')).toBe(false);
  expect(hasControlCharacter('x\u0000')).toBe(true);
  // The pattern is global: a second call must not resume from the first one's position.
  expect(hasControlCharacter('\u0000')).toBe(true);
});

test('findControlCharacter names the first offending place, keys included', () => {
  expect(findControlCharacter({ a: 'fine', b: ['ok', { c: 'x\u0000' }] })).toEqual({
    path: ['b', '1', 'c'],
    codePoint: 'U+0000',
  });
  expect(findControlCharacter({ 'k\u001b': 1 })).toEqual({ path: ['k\u001b'], codePoint: 'U+001B' });
  expect(findControlCharacter({ n: 1, t: true, s: 'plain', z: null })).toBeNull();
});

test('LIKE patterns: %, _ and the escape character itself become literals', () => {
  expect(escapeLikePattern('100%_off\\now')).toBe('100\\%\\_off\\\\now');
  expect(escapeLikePattern('Maria Santos')).toBe('Maria Santos');
});
