import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
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

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface EmailRefusal {
  message: string;
}

/** Trims and lower-cases; nothing cleverer (DESIGN §2): dots and plus-tags stay as typed. */
export function normalizeEmail(input: string): Result<string, EmailRefusal> {
  const email = input.trim().toLowerCase();
  if (!EMAIL_PATTERN.test(email)) {
    return err({ message: `“${shortQuote(input)}” is not an email address. Type it like jane@example.com.` });
  }
  return ok(email);
}
