import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

export function findEmails(text: string): string[] {
  return [...text.matchAll(EMAIL_RE)].map((m) => m[0].replace(/^mailto:/i, '').toLowerCase());
}

// Digits with the usual separators; an optional "(+CC)" or "+CC" prefix; template resumes
// print masked digits as trailing x's ("131-221-87xxx"), which still mark a phone field.
const PHONE_RE = /(?:\(\+\d{1,3}\)|\+\d{1,3})?[\s.-]*(?:\(\d{1,4}\)[\s.-]*)?\d[\d\s.()-]{5,}(?:\d|\d[xX]{1,4})(?![\dA-Za-z])/g;
const PHONE_LABEL_RE = /(?:phone|mobile|mob|tel|cell|telephone|电话|手机|☎|📱|📞)/i;
const DATE_RANGE_LIKE = /^\(?(?:19|20)\d{2}\)?\s*[-–]\s*\(?(?:19|20)\d{2}\)?$/;

export interface PhoneFound {
  /** E.164 when a country can be told, else the number as printed. */
  value: string;
  printed: string;
}

/**
 * The first plausible phone number in `lines` (contact lines come first on resumes).
 * `defaultCountry` lets a number printed without a country code still become E.164.
 */
export function findPhone(
  lines: string[],
  options: { defaultCountry?: CountryCode; unlabelledWithin?: number } = {},
): PhoneFound | null {
  const { defaultCountry, unlabelledWithin = Infinity } = options;
  let best: { found: PhoneFound; score: number } | null = null;
  lines.forEach((line, i) => {
    // Separators that PDF text layers vary on ("555--‐5555", "(650) · 861 · 1054"); a tab or a
    // bullet ends a cell, so a postcode in the cell before never joins the number.
    const text = line
      .replace(/[‐‑‒–—−]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/(?<=\d|\))\s*[·•∙]\s*(?=\d|\()/g, ' ');
    for (const m of text.split(/\t|\s[•|]\s?/).flatMap((cell) => [...cell.matchAll(PHONE_RE)].map((x) => ({ x, cell })))) {
      const printed = trimTrailingGroup(m.x[0].trim().replace(/^[-.\s]+/, ''));
      const digits = printed.replace(/[^\dxX]/g, '');
      if (digits.length < 9 || digits.length > 15) continue;
      if (DATE_RANGE_LIKE.test(printed)) continue;
      // Dotted numbers like "3.97/4.00" or version strings are not phones; require a
      // typical grouping: at least two groups, or a leading +.
      if (!/[\s.()-]/.test(printed) && !printed.startsWith('+') && digits.length < 10) continue;
      const at = m.x.index ?? 0;
      const labelled = PHONE_LABEL_RE.test(m.cell.slice(Math.max(0, at - 12), at)) || (at < 3 && PHONE_LABEL_RE.test(text.slice(0, text.indexOf(m.cell))));
      if (!labelled && i >= unlabelledWithin) continue;
      const score = (labelled ? 100 : 0) + (printed.includes('+') ? 10 : 0) - i;
      if (!best || score > best.score) best = { found: { value: toE164(printed, defaultCountry), printed }, score };
    }
  });
  return best === null ? null : (best as { found: PhoneFound }).found;
}

/**
 * "(510)283-1356 243": a number printed next to other digits. A national number has at most
 * 11 digits; a short trailing group past that belongs to something else.
 */
function trimTrailingGroup(printed: string): string {
  const digits = printed.replace(/\D/g, '');
  if (printed.startsWith('+') || digits.length <= 11) return printed;
  const cut = /^(.*\d)\s+\d{1,4}$/.exec(printed);
  return cut?.[1] ?? printed;
}

function toE164(printed: string, defaultCountry?: CountryCode): string {
  const cleaned = printed.replace(/\(\s*(\+\d{1,3})\s*\)/, '$1');
  if (/x/i.test(cleaned)) return cleaned;
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  if (parsed && (cleaned.startsWith('+') || defaultCountry) && parsed.isPossible()) return parsed.number;
  return cleaned;
}
