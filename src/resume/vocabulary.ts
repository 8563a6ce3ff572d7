/**
 * The words a resume is read by, per language, from the data files in ./vocabulary: section
 * headings, months, "present", placeholders a template leaves for a year, range words ("to",
 * "hasta", "至") and labels glued to a name ("Personal Information John Doe"). Adding a language
 * is adding a file here; no parser code knows a language.
 */
import { z } from 'zod';
import de from './vocabulary/de.json';
import en from './vocabulary/en.json';
import es from './vocabulary/es.json';
import fil from './vocabulary/fil.json';
import fr from './vocabulary/fr.json';
import pt from './vocabulary/pt.json';
import zh from './vocabulary/zh.json';

const languageSchema = z.object({
  headings: z.object({
    education: z.array(z.string()),
    experience: z.array(z.string()),
    summary: z.array(z.string()),
    volunteer: z.array(z.string()),
    other: z.array(z.string()),
  }),
  months: z.array(z.string()),
  present: z.array(z.string()),
  yearPlaceholders: z.array(z.string()),
  rangeWords: z.array(z.string()),
  sinceWords: z.array(z.string()),
  labels: z.array(z.string()),
  /** Job-title words beyond English's, which entries.ts keeps as a pattern of its own. */
  titles: z.array(z.string()),
});
type Language = z.infer<typeof languageSchema>;
export type HeadingKind = keyof Language['headings'];

const LANGUAGES: Language[] = [en, es, pt, fr, de, zh, fil].map((l) => languageSchema.parse(l));

/** A heading's lookup key: lower case, letters only, no spaces (letter-spaced "edu cation" too). */
export function headingLookupKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');
}

const HEADINGS = new Map<string, HeadingKind>();
for (const lang of LANGUAGES) {
  for (const [kind, phrases] of Object.entries(lang.headings) as Array<[HeadingKind, string[]]>) {
    for (const p of phrases) if (!HEADINGS.has(headingLookupKey(p))) HEADINGS.set(headingLookupKey(p), kind);
  }
}

/** The section a heading opens by the vocabulary of any language, or null. */
export function headingKind(text: string): HeadingKind | null {
  return HEADINGS.get(headingLookupKey(text)) ?? null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first, so "sept" wins over "sep" and "en cours" over "en". */
function alternation(words: string[]): string {
  const unique = [...new Set(words.map((w) => w.toLowerCase()))].sort((a, b) => b.length - a.length);
  return unique.map((w) => escape(w).replace(/ /g, '\\s+')).join('|');
}
const all = (pick: (l: Language) => string[]): string[] => LANGUAGES.flatMap(pick);

/** Regex sources (no groups of their own), for dates.ts. */
export const VOCABULARY_SOURCES = {
  month: alternation(all((l) => l.months)),
  present: alternation(all((l) => l.present)),
  yearPlaceholder: alternation(all((l) => l.yearPlaceholders)),
  rangeWord: alternation(all((l) => l.rangeWords)),
  sinceWord: alternation(all((l) => l.sinceWords)),
};

const TITLE_WORDS_RE = new RegExp(`(?<![\\p{L}])(?:${alternation(all((l) => l.titles))})(?![\\p{L}])`, 'iu');

/** True when the text holds a job-title word of any language's list ("analista", "工程师"). */
export function hasTitleWord(text: string): boolean {
  return TITLE_WORDS_RE.test(text);
}

const LABELS = alternation(all((l) => l.labels));
const LABEL_PREFIX_RE = new RegExp(`^(?:${LABELS})\\s*[:：]?\\s+`, 'iu');

/** "Personal Information John Doe" → "John Doe"; "姓名：李四" → "李四". */
export function withoutLabel(text: string): string {
  let out = text;
  for (let i = 0; i < 2; i++) out = out.replace(LABEL_PREFIX_RE, '');
  return out.replace(/^(?:姓名|name|nombre|nome|nom)\s*[:：]\s*/iu, '');
}

/** True when the whole text is one of the labels ("Curriculum Vitae", "Contact"). */
export function isLabel(text: string): boolean {
  return new RegExp(`^(?:${LABELS})$`, 'iu').test(text.trim());
}
