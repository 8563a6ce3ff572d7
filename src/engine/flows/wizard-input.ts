import { normalizeEmail, normalizePhone, PHONE_EXAMPLE, type PhoneProblem } from '../../domain/contact';
import type { MessageKey } from '../../i18n';
import type { Draft, WizardStep } from '../state';
import { shortQuote, TEXT_LIMITS } from '../../domain/limits';

/** What one line of text offers: an email, a phone-like run, and the words left over. */
export interface PastedLine {
  email?: string;
  phone?: string;
  words: string;
}

const EMAIL_IN_TEXT = /[^\s@,;<>]+@[^\s@,;<>]+/;
// A run of digits with the separators people type; at least 7 digits to be a phone at all.
const PHONE_IN_TEXT = /(?:\+|00)?\d[\d\s().-]{5,}\d/;

export function splitLine(input: string): PastedLine {
  let rest = input;
  const out: PastedLine = { words: '' };
  const email = EMAIL_IN_TEXT.exec(rest);
  if (email) {
    out.email = email[0];
    rest = rest.replace(email[0], ' ');
  }
  const phone = PHONE_IN_TEXT.exec(rest);
  if (phone && phone[0].replace(/\D/g, '').length >= 7) {
    out.phone = phone[0].trim();
    rest = rest.replace(phone[0], ' ');
  }
  out.words = rest
    .replace(/[,;|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return out;
}

const NAME_OK = /^[\p{L}][\p{L}\p{M}'’. -]*$/u;

/** "Jane Dela Cruz" → Jane / Dela Cruz; "Dela Cruz, Jane" → Jane / Dela Cruz; "Jane" → Jane / —. */
export function splitName(input: string): { first: string; last?: string } | null {
  const trimmed = input.trim().replace(/\s+/g, ' ');
  if (trimmed.includes(',')) {
    const [last, first] = trimmed.split(',').map((s) => s.trim());
    if (first && last && NAME_OK.test(first) && NAME_OK.test(last)) return { first, last };
    return null;
  }
  if (!NAME_OK.test(trimmed) || trimmed.length > TEXT_LIMITS.personName) return null;
  const [first, ...rest] = trimmed.split(' ');
  if (!first) return null;
  return rest.length > 0 ? { first, last: rest.join(' ') } : { first };
}

/** A refused answer: `key` and `params` say it in the user's language (`message` is English). */
export type InputProblem = {
  field: 'name' | 'phone' | 'email';
  message?: string;
  key?: MessageKey;
  params?: Record<string, string>;
};

const PHONE_KEYS: Record<PhoneProblem, MessageKey> = {
  empty: 'wizard.bad.phone.empty',
  missing_country_code: 'wizard.bad.phone.missing_country_code',
  invalid: 'wizard.bad.phone.invalid',
};

/**
 * Applies a typed answer to the draft. The current step's field is read from the whole line; a
 * line that also carries other fields (a pasted `Jane Dela Cruz +63 917 123 4567 jane@x.com`)
 * fills every one it contains. Returns the problems, the current step's first.
 */
export function applyText(draft: Draft, step: WizardStep, input: string): InputProblem[] {
  const line = splitLine(input);
  const problems: InputProblem[] = [];
  const pasted = [line.email, line.phone, line.words || undefined].filter(Boolean).length >= 2;

  const phoneText = line.phone ?? (step === 'phone' ? input : undefined);
  if (phoneText !== undefined && (step === 'phone' || pasted || line.phone)) {
    const phone = normalizePhone(phoneText);
    if (phone.ok) draft.phone = phone.value;
    else
      problems.push({
        field: 'phone',
        message: phone.error.message,
        key: PHONE_KEYS[phone.error.problem],
        params: { input: shortQuote(phoneText.trim()), example: PHONE_EXAMPLE },
      });
  }
  const emailText = line.email ?? (step === 'email' ? input : undefined);
  if (emailText !== undefined) {
    const email = normalizeEmail(emailText);
    if (email.ok) draft.email = email.value;
    else
      problems.push({
        field: 'email',
        message: email.error.message,
        key: 'wizard.bad.email',
        params: { input: shortQuote(emailText.trim()) },
      });
  }
  const nameStep = step === 'name' || step === 'lastName';
  if (line.words && (nameStep || pasted)) {
    if (step === 'lastName' && !pasted) {
      if (NAME_OK.test(line.words) && line.words.length <= TEXT_LIMITS.personName) draft.lastName = line.words;
      else problems.push({ field: 'name' });
    } else {
      const name = splitName(line.words);
      if (!name) problems.push({ field: 'name' });
      else {
        draft.firstName = name.first;
        if (name.last) draft.lastName = name.last;
        else if (step === 'name') delete draft.lastName;
      }
    }
  } else if (nameStep && !line.email && !line.phone) {
    problems.push({ field: 'name' });
  }
  const order = (p: InputProblem) => (p.field === stepField(step) ? 0 : 1);
  return problems.sort((a, b) => order(a) - order(b));
}

function stepField(step: WizardStep): InputProblem['field'] | null {
  if (step === 'name' || step === 'lastName') return 'name';
  if (step === 'phone' || step === 'email') return step;
  return null;
}
