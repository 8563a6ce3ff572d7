import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { err, ok, type Result } from './result';
import { shortQuote } from './limits';

/** An example of the accepted phone form, shown whenever a phone is refused. */
export const PHONE_EXAMPLE = '+63 917 123 4567';

export type PhoneProblem = 'empty' | 'missing_country_code' | 'invalid';

export interface PhoneRefusal {
  problem: PhoneProblem;
  message: string;
}

/**
 * Normalizes a phone number to E.164. A number must carry its country code: guessing a country
 * would make the same person look like two people (or two people like one).
 */
export function normalizePhone(input: string): Result<string, PhoneRefusal> {
  const trimmed = input.trim();
  if (trimmed === '') {
    return err({ problem: 'empty', message: `Please enter a phone number with its country code, e.g. ${PHONE_EXAMPLE}.` });
  }
  const compact = trimmed.replace(/[\s().-]/g, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (!international.startsWith('+')) {
    return err({
      problem: 'missing_country_code',
      message: `“${shortQuote(trimmed)}” has no country code. Start the number with + and the country code, e.g. ${PHONE_EXAMPLE}.`,
    });
  }
  const parsed = parsePhoneNumberFromString(international);
  if (!parsed || !parsed.isPossible()) {
    return err({
      problem: 'invalid',
      message: `“${shortQuote(trimmed)}” is not a phone number I can use. Type it with the country code, e.g. ${PHONE_EXAMPLE}.`,
    });
  }
  return ok(parsed.number);
}

/** An E.164 number grouped for reading (`+63 917 123 4567`); anything else is returned as it is. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** A phone read with a country it did not print: the number, and the country it was read with. */
export interface PhoneReading {
  value: string;
  /** Set when the number carried no country code and `country` was assumed (ISO 3166 alpha-2). */
  assumedCountry?: string;
}

/**
 * Reads a phone printed on a resume, where numbers often lack the country code (`(909) 555-5555`):
 * with a code it is `normalizePhone`; without, it is read as a number of `country` (the agency's),
 * and the result says so, so the person confirms it instead of the number being dropped. Typed
 * answers keep going through `normalizePhone`: there the person can simply add the code.
 */
export function readPhoneWithCountry(input: string, country: string | null): Result<PhoneReading, PhoneRefusal> {
  const strict = normalizePhone(input);
  if (strict.ok) return ok({ value: strict.value });
  if (strict.error.problem !== 'missing_country_code' || !country) return strict;
  const parsed = parsePhoneNumberFromString(input.trim(), country.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isPossible()) return strict;
  return ok({ value: parsed.number, assumedCountry: country.toUpperCase() });
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const EMAIL_MAX_LENGTH = 254;

export interface EmailRefusal {
  message: string;
}

/**
 * Trims and lower-cases; nothing cleverer (DESIGN §2): dots and plus-tags stay as typed, so the
 * agency's own record keeps what was given. The duplicate check compares canonicalEmail() of it.
 */
export function normalizeEmail(input: string): Result<string, EmailRefusal> {
  const email = input.trim().toLowerCase();
  // The most a mail server relays (RFC 5321's 254); longer, it is no one's address, and it would
  // not fit the database's indexes on the email (a btree entry holds at most about 2.7 KB).
  if (email.length > EMAIL_MAX_LENGTH) {
    return err({
      message: `An email address has at most ${EMAIL_MAX_LENGTH} characters; that one has ${email.length}. Type it like jane@example.com.`,
    });
  }
  if (!EMAIL_PATTERN.test(email)) {
    return err({ message: `“${shortQuote(input)}” is not an email address. Type it like jane@example.com.` });
  }
  return ok(email);
}

/**
 * Providers that document how they read an address: the same mailbox under each of their domains,
 * dots in the local part ignored and everything from a `+` dropped (Gmail's help: "Dots don't
 * matter in Gmail addresses"; "Create task-specific email addresses" with +). Other providers are
 * left alone: for them a dot or a plus may name another person's mailbox.
 */
const DOTS_AND_TAGS_IGNORED: Readonly<Record<string, string>> = { 'gmail.com': 'gmail.com', 'googlemail.com': 'gmail.com' };

/**
 * The address as its provider reads it, for matching only (`jane.doe+jobs@googlemail.com` →
 * `janedoe@gmail.com`). Takes a normalized email (trimmed, lower-cased). A local part that would
 * be left empty keeps its form, so it matches no one else's. The database computes the same in
 * SQL (endorse_canonical_email, migration 20261130100000) for the stored column: keep them alike.
 */
export function canonicalEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return email;
  const domain = DOTS_AND_TAGS_IGNORED[email.slice(at + 1)];
  if (!domain) return email;
  const local = (email.slice(0, at).split('+')[0] ?? '').replace(/\./g, '');
  return local === '' ? email : `${local}@${domain}`;
}

/** The parts of a person a near-duplicate is looked up by: never a verdict, a flag for recruiters. */
export interface NearDuplicateKey {
  /** The E.164 phone's last NEAR_DUPLICATE_PHONE_DIGITS digits. */
  phoneTail: string;
  /** The canonical email's local part. */
  emailLocal: string;
  firstName: string;
  lastName: string;
}

/** Enough of a phone to survive a different country code or trunk prefix, too little to be one by chance. */
export const NEAR_DUPLICATE_PHONE_DIGITS = 7;

export function nearDuplicateKey(person: {
  phone: string;
  email: string;
  firstName: string;
  lastName: string;
}): NearDuplicateKey {
  const key = canonicalEmail(person.email);
  return {
    phoneTail: person.phone.slice(-NEAR_DUPLICATE_PHONE_DIGITS),
    emailLocal: key.slice(0, Math.max(0, key.lastIndexOf('@'))),
    firstName: person.firstName.trim().toLowerCase(),
    lastName: person.lastName.trim().toLowerCase(),
  };
}
