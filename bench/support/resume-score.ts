/**
 * Scoring of parsed resumes against a fixture manifest's hand-checked truth (the schema of
 * ../shared/fixtures/resumes*). Pure, so `bench:resume` and any other set in that schema share it.
 */
import { z } from 'zod';
import type { ParsedResume } from '../../src/resume/resume-schema';

const entrySchema = z.object({
  school: z.string().nullish(),
  degree: z.string().nullish(),
  company: z.string().nullish(),
  title: z.string().nullish(),
  start: z.string().nullish(),
  end: z.string().nullish(),
});
export const manifestSchema = z.array(
  z.object({
    file: z.string(),
    /** Layout class first, before a ';' or ',' ("gutter; moderncv classic …"). */
    layout: z.string().default('unknown'),
    truth: z.object({
      name: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      summary_present: z.boolean().optional(),
      education: z.array(entrySchema),
      experience: z.array(entrySchema),
    }),
  }),
);
export type Manifest = z.infer<typeof manifestSchema>;
type Entry = z.infer<typeof entrySchema>;

const CLASS_RE = /\b(single-column|two-column|multi-column|gutter|docx|image-only)\b/;

/** "gutter; moderncv …" → "gutter"; "Typst; single-column" → "single-column": the first class named. */
export function layoutClass(layout: string): string {
  return CLASS_RE.exec(layout)?.[1] ?? (layout.split(/[;,\s]/)[0] || 'unknown');
}

/** The fixtures' convention: case-insensitive after NFKC and whitespace folding. */
const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
/** Looser, for entry fields: punctuation and spacing ignored, one may contain the other. */
const loose = (s: string | null | undefined): string => norm(s).replace(/[^\p{L}\p{N}]+/gu, '');
function fuzzy(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = loose(a);
  const y = loose(b);
  if (!x || !y) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return x === y || (short.length >= 3 && long.includes(short));
}
/** Phones compare by digits (template masks "x" kept); an added country code still matches. */
function samePhone(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/[^\dx]/g, '');
  const y = b.toLowerCase().replace(/[^\dx]/g, '');
  if (!x || !y) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 7 && long.endsWith(short) && long.length - short.length <= 3;
}

export interface Tally {
  tp: number;
  predicted: number;
  truth: number;
}
export const tally = (): Tally => ({ tp: 0, predicted: 0, truth: 0 });
function add(into: Tally, from: Tally): void {
  into.tp += from.tp;
  into.predicted += from.predicted;
  into.truth += from.truth;
}

/** One file's score; fields hold 0/1 counts so that sets and classes add up. */
export interface FileScore {
  name: Tally;
  email: Tally;
  phone: Tally;
  summary: { right: number; of: number };
  education: Tally;
  experience: Tally;
  /** Matched entries whose start and end are both exact. */
  datesExact: { right: number; of: number };
  notes: string[];
}

export function emptyScore(): FileScore {
  return {
    name: tally(),
    email: tally(),
    phone: tally(),
    summary: { right: 0, of: 0 },
    education: tally(),
    experience: tally(),
    datesExact: { right: 0, of: 0 },
    notes: [],
  };
}

export function addScore(into: FileScore, from: FileScore): void {
  for (const k of ['name', 'email', 'phone', 'education', 'experience'] as const) add(into[k], from[k]);
  into.summary.right += from.summary.right;
  into.summary.of += from.summary.of;
  into.datesExact.right += from.datesExact.right;
  into.datesExact.of += from.datesExact.of;
}

function scalar(predicted: string | null, truth: string | null, same: (a: string, b: string) => boolean): Tally {
  return {
    predicted: predicted ? 1 : 0,
    truth: truth ? 1 : 0,
    tp: predicted && truth && same(predicted, truth) ? 1 : 0,
  };
}

/** Greedy one-to-one matching of predicted to true entries. */
function pairEntries(predicted: Entry[], truth: Entry[], match: (p: Entry, g: Entry) => boolean): Array<[Entry, Entry]> {
  const used = new Set<number>();
  const pairs: Array<[Entry, Entry]> = [];
  for (const g of truth) {
    const i = predicted.findIndex((p, k) => !used.has(k) && match(p, g));
    const p = predicted[i];
    if (i >= 0 && p) {
      used.add(i);
      pairs.push([p, g]);
    }
  }
  return pairs;
}

export function scoreFile(resume: ParsedResume, truth: Manifest[number]['truth']): FileScore {
  const s = emptyScore();
  s.name = scalar(resume.name, truth.name, (a, b) => norm(a) === norm(b));
  s.email = scalar(resume.email, truth.email, (a, b) => norm(a) === norm(b));
  s.phone = scalar(resume.phone, truth.phone, samePhone);
  if (truth.summary_present !== undefined) {
    s.summary = { right: (resume.summary !== null) === truth.summary_present ? 1 : 0, of: 1 };
    if (s.summary.right === 0) s.notes.push(`summary ${resume.summary === null ? 'missed' : 'extra'}`);
  }
  const edu = pairEntries(resume.education, truth.education, (p, g) => fuzzy(p.school, g.school));
  const exp = pairEntries(
    resume.experience,
    truth.experience,
    (p, g) => fuzzy(p.company, g.company) && fuzzy(p.title, g.title),
  );
  s.education = { tp: edu.length, predicted: resume.education.length, truth: truth.education.length };
  s.experience = { tp: exp.length, predicted: resume.experience.length, truth: truth.experience.length };
  for (const [p, g] of [...edu, ...exp]) {
    s.datesExact.of++;
    if (norm(p.start) === norm(g.start) && norm(p.end) === norm(g.end)) s.datesExact.right++;
  }
  const missed = (pred: Entry[], all: Entry[], pairs: Array<[Entry, Entry]>, key: (e: Entry) => string): string[] => [
    ...all.filter((g) => !pairs.some(([, m]) => m === g)).map((g) => `missed ${key(g)}`),
    ...pred.filter((p) => !pairs.some(([m]) => m === p)).map((p) => `extra ${key(p)}`),
  ];
  s.notes.push(
    ...(s.name.tp < s.name.truth ? [`name ${JSON.stringify(resume.name)}`] : []),
    ...(s.email.tp < s.email.truth ? [`email ${JSON.stringify(resume.email)}`] : []),
    ...(s.phone.tp < s.phone.truth ? [`phone ${JSON.stringify(resume.phone)}`] : []),
    ...missed(resume.education, truth.education, edu, (e) => `education "${e.school ?? ''}"`),
    ...missed(resume.experience, truth.experience, exp, (e) => `experience "${e.company ?? ''} / ${e.title ?? ''}"`),
  );
  return s;
}
