import { applyText, splitLine, splitName } from '../../../src/engine/flows/wizard-input';
import type { Draft } from '../../../src/engine/state';
import { t } from '../../../src/i18n';

describe('a pasted line', () => {
  test('name, phone and email in any order', () => {
    expect(splitLine('Jane Dela Cruz +63 917 123 4567 jane@example.com')).toEqual({
      words: 'Jane Dela Cruz',
      phone: '+63 917 123 4567',
      email: 'jane@example.com',
    });
    expect(splitLine('jane@example.com, +1 (212) 555-0123, Jane Doe')).toEqual({
      words: 'Jane Doe',
      phone: '+1 (212) 555-0123',
      email: 'jane@example.com',
    });
  });

  test('fills every field it contains at once, normalized', () => {
    const d: Draft = {};
    expect(applyText(d, 'name', 'Jane Dela Cruz +63 917 123 4567 JANE@Example.com')).toEqual([]);
    expect(d).toEqual({ firstName: 'Jane', lastName: 'Dela Cruz', phone: '+639171234567', email: 'jane@example.com' });
  });

  test('a bad part is reported; the good parts are kept', () => {
    const d: Draft = {};
    const problems = applyText(d, 'name', 'Jane Dela Cruz 0917 123 4567 jane@example.com');
    expect(problems).toEqual([
      {
        field: 'phone',
        message: expect.stringContaining('has no country code'),
        key: 'wizard.bad.phone.missing_country_code',
        params: { input: '0917 123 4567', example: '+63 917 123 4567' },
      },
    ]);
    expect(d).toEqual({ firstName: 'Jane', lastName: 'Dela Cruz', email: 'jane@example.com' });
  });
});

describe('names', () => {
  test.each([
    ['Jane Dela Cruz', { first: 'Jane', last: 'Dela Cruz' }],
    ['Dela Cruz, Jane', { first: 'Jane', last: 'Dela Cruz' }],
    ['Jane', { first: 'Jane' }],
    ["Sinéad O'Brien", { first: 'Sinéad', last: "O'Brien" }],
    ['R2D2', null],
  ])('%s', (input, expected) => expect(splitName(input)).toEqual(expected));

  test('at the last-name step the whole line is the last name', () => {
    const d: Draft = { firstName: 'Jane' };
    expect(applyText(d, 'lastName', 'Dela Cruz')).toEqual([]);
    expect(d.lastName).toBe('Dela Cruz');
  });
});

describe('the catalog', () => {
  test('fills placeholders, speaks a supported language and falls back to English for others', () => {
    expect(t('en', 'wizard.ask.lastName', { first: 'Jane' })).toBe('And Jane’s last name?');
    expect(t('fil-PH', 'wizard.ask.lastName', { first: 'Jane' })).toBe('At ang apelyido ni Jane?');
    expect(t('de-DE', 'wizard.ask.lastName', { first: 'Jane' })).toBe('And Jane’s last name?');
    expect(t('en', 'outcome.added')).toBe('✅ New Candidate');
  });
});
