/**
 * How long the text people type may be, defined once. Services refuse past these, the engine
 * says so first in the user's words, and channels state their own message limit where people type
 * (the web composer's counter). Lengths are counted as JavaScript counts them (UTF-16 code units),
 * the same way zod's `.max` does, so the number we quote is the number we checked.
 */
export const TEXT_LIMITS = {
  /** A comment on a candidate (chat, reply to a relayed comment, REST API). */
  comment: 4000,
  /** A candidate's first or last name. */
  personName: 100,
  /** A user's display name. */
  displayName: 120,
  /** One web chat message: room for `comment C-1042 ` and a comment at its limit. */
  webMessage: 8000,
} as const;
export type LimitedField = keyof typeof TEXT_LIMITS;

export interface OverLimit {
  field: LimitedField;
  limit: number;
  length: number;
}

/** The excess when `value` (trimmed) is longer than the field allows; null when it fits. */
export function overLimit(field: LimitedField, value: string): OverLimit | null {
  const length = value.trim().length;
  const limit = TEXT_LIMITS[field];
  return length > limit ? { field, limit, length } : null;
}

/** A number as people read it in the product's messages: 4,000. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

const QUOTE_MAX_CHARS = 60;

/**
 * What a message may quote back of a user's text: whitespace collapsed and, past `max`
 * characters, cut at a word and marked with "…", so a wrong 5,000-character answer is not echoed whole.
 */
export function shortQuote(value: string, max = QUOTE_MAX_CHARS): string {
  const one = value.trim().replace(/\s+/g, ' ');
  if (one.length <= max) return one;
  const cut = one.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
