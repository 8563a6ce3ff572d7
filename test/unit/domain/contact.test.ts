import { formatPhone, normalizeEmail, normalizePhone, PHONE_EXAMPLE, readPhoneWithCountry } from '../../../src/domain/contact';

describe('normalizePhone', () => {
  test('a phone with its country code is stored in E.164', () => {
    expect(normalizePhone('+639171234567')).toEqual({ ok: true, value: '+639171234567' });
  });

  test('spaces, dashes, dots and brackets are ignored', () => {
    expect(normalizePhone(' +63 (917) 123-45.67 ')).toEqual({ ok: true, value: '+639171234567' });
  });

  test('a leading 00 counts as the international prefix', () => {
    expect(normalizePhone('00 63 917 123 4567')).toEqual({ ok: true, value: '+639171234567' });
  });

  test('numbers of other countries keep their own country code', () => {
    expect(normalizePhone('+1 212 555 0123')).toEqual({ ok: true, value: '+12125550123' });
    expect(normalizePhone('+44 20 7946 0958')).toEqual({ ok: true, value: '+442079460958' });
  });

  test('a phone without a country code is refused with an example', () => {
    const result = normalizePhone('0917 123 4567');
    expect(result).toEqual({
      ok: false,
      error: { problem: 'missing_country_code', message: expect.stringContaining(PHONE_EXAMPLE) },
    });
  });

  test('the refusal quotes what was typed, trimmed', () => {
    const result = normalizePhone('  0917 123 4567 ');
    expect(!result.ok && result.error.message).toContain('“0917 123 4567”');
  });

  test('an empty phone is refused with an example', () => {
    expect(normalizePhone('   ')).toEqual({
      ok: false,
      error: { problem: 'empty', message: expect.stringContaining(PHONE_EXAMPLE) },
    });
  });

  test('a number that cannot exist is refused as invalid with an example', () => {
    expect(normalizePhone('+63 12')).toEqual({
      ok: false,
      error: { problem: 'invalid', message: expect.stringContaining(PHONE_EXAMPLE) },
    });
  });

  test('letters are refused as invalid', () => {
    expect(normalizePhone('+call me maybe')).toMatchObject({ ok: false, error: { problem: 'invalid' } });
  });

  test('the same number typed two ways normalizes to the same value', () => {
    const a = normalizePhone('+63 917 123 4567');
    const b = normalizePhone('0063-917-123-4567');
    expect(a).toEqual(b);
  });

  test('the example shown in refusals is itself accepted', () => {
    expect(normalizePhone(PHONE_EXAMPLE).ok).toBe(true);
  });
});

describe('normalizeEmail', () => {
  test('an email is trimmed and lower-cased', () => {
    expect(normalizeEmail('  Jane.Doe@Example.COM ')).toEqual({ ok: true, value: 'jane.doe@example.com' });
  });

  test('dots and plus-tags stay as typed', () => {
    expect(normalizeEmail('j.a.n.e+jobs@gmail.com')).toEqual({ ok: true, value: 'j.a.n.e+jobs@gmail.com' });
  });

  test.each(['', 'jane', 'jane@', '@example.com', 'jane@example', 'jane doe@example.com', 'a@b@c.com'])(
    '%j is refused with an example of the right form',
    (input) => {
      expect(normalizeEmail(input)).toEqual({ ok: false, error: { message: expect.stringContaining('jane@example.com') } });
    },
  );

  test('an address longer than a mail server relays (254) is refused, saying how long it may be', () => {
    const local = 'a'.repeat(64);
    const longest = `${local}@${'b'.repeat(254 - 64 - 1 - 4)}.com`;
    expect(normalizeEmail(longest)).toEqual({ ok: true, value: longest });
    expect(normalizeEmail(`a${longest}`)).toEqual({
      ok: false,
      error: { message: 'An email address has at most 254 characters; that one has 255. Type it like jane@example.com.' },
    });
  });

  test('the refusal quotes what was typed, trimmed', () => {
    const result = normalizeEmail('  not-an-email ');
    expect(!result.ok && result.error.message).toContain('“not-an-email”');
  });
});

describe('readPhoneWithCountry (a phone printed on a resume)', () => {
  it('reads a number without a country code as one of the given country, and says it assumed so', () => {
    expect(readPhoneWithCountry('(909) 555-5555', 'US')).toEqual({
      ok: true,
      value: { value: '+19095555555', assumedCountry: 'US' },
    });
    expect(readPhoneWithCountry('0917 123 4567', 'ph')).toEqual({
      ok: true,
      value: { value: '+639171234567', assumedCountry: 'PH' },
    });
  });

  it('keeps a printed country code over the given country', () => {
    expect(readPhoneWithCountry('+63 917 123 4567', 'US')).toEqual({ ok: true, value: { value: '+639171234567' } });
  });

  it('refuses a code-less number when no country is known, with the usual message', () => {
    const read = readPhoneWithCountry('(909) 555-5555', null);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.problem).toBe('missing_country_code');
  });

  it('groups an E.164 number for reading', () => {
    expect(formatPhone('+19095555555')).toBe('+1 909 555 5555');
    expect(formatPhone('not a phone')).toBe('not a phone');
  });
});
