import { canonicalEmail, nearDuplicateKey } from '../../../src/domain/contact';

describe('canonicalEmail: an address as its provider reads it', () => {
  test('Gmail ignores dots in the local part', () => {
    expect(canonicalEmail('jane.dela.cruz@gmail.com')).toBe('janedelacruz@gmail.com');
  });

  test('Gmail drops everything from a plus', () => {
    expect(canonicalEmail('jane+jobs@gmail.com')).toBe('jane@gmail.com');
    expect(canonicalEmail('jane+a+b@gmail.com')).toBe('jane@gmail.com');
  });

  test('googlemail.com is gmail.com', () => {
    expect(canonicalEmail('j.ane+x@googlemail.com')).toBe('jane@gmail.com');
  });

  test('other providers keep dots and plus tags: there they may be another mailbox', () => {
    expect(canonicalEmail('jane.doe+jobs@example.com')).toBe('jane.doe+jobs@example.com');
    expect(canonicalEmail('jane.doe@outlook.com')).toBe('jane.doe@outlook.com');
    expect(canonicalEmail('jane.doe@gmail.com.ph')).toBe('jane.doe@gmail.com.ph');
    expect(canonicalEmail('jane.doe@mail.gmail.com')).toBe('jane.doe@mail.gmail.com');
  });

  test('a local part that would be left empty keeps its form', () => {
    expect(canonicalEmail('+jobs@gmail.com')).toBe('+jobs@gmail.com');
    expect(canonicalEmail('...@gmail.com')).toBe('...@gmail.com');
  });

  test('the same mailbox written four ways is one key', () => {
    const forms = ['janedoe@gmail.com', 'jane.doe@gmail.com', 'jane.doe+agency@gmail.com', 'j.a.n.e.d.o.e@googlemail.com'];
    expect(new Set(forms.map(canonicalEmail))).toEqual(new Set(['janedoe@gmail.com']));
  });
});

describe('nearDuplicateKey: what a possible duplicate is looked up by', () => {
  test('the phone’s last 7 digits, the canonical local part and the names in lower case', () => {
    expect(
      nearDuplicateKey({
        phone: '+639171234567',
        email: 'Jane.Doe+x@gmail.com'.toLowerCase(),
        firstName: ' Jane ',
        lastName: 'DOE',
      }),
    ).toEqual({ phoneTail: '1234567', emailLocal: 'janedoe', firstName: 'jane', lastName: 'doe' });
  });

  test('the same number with another country code has the same tail', () => {
    const ph = nearDuplicateKey({ phone: '+639171234567', email: 'a@x.com', firstName: 'A', lastName: 'B' });
    const us = nearDuplicateKey({ phone: '+12121234567', email: 'b@y.com', firstName: 'A', lastName: 'B' });
    expect(ph.phoneTail).toBe(us.phoneTail);
  });
});
