import type { EducationEntry, ExperienceEntry } from './resume-schema';

/** Longest summary string the candidate record keeps; chat cards show them whole. */
export const RECORD_SUMMARY_MAX_CHARS = 500;

export function clip(text: string, max = RECORD_SUMMARY_MAX_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length > max * 0.6 ? atWord : cut}…`;
}

function span(start: string | null, end: string | null): string {
  if (start && end) return `${start} – ${end}`;
  return end ?? start ?? '';
}

function withSpan(text: string, start: string | null, end: string | null): string {
  const s = span(start, end);
  return s ? `${text} (${s})` : text;
}

/** "Software Engineer, Google (Oct 2016 – Present); Data Scientist, Lucena (Summer 2012)". */
export function experienceSummary(entries: ExperienceEntry[]): string | null {
  const parts = entries.map((e) => withSpan([e.title, e.company].filter(Boolean).join(', '), e.start, e.end));
  return parts.length > 0 ? clip(parts.join('; ')) : null;
}

/** "MS in Computer Science, Georgia Tech (2012 – 2013); …". */
export function educationSummary(entries: EducationEntry[]): string | null {
  const parts = entries.map((e) => withSpan([e.degree, e.school].filter(Boolean).join(', '), e.start, e.end));
  return parts.length > 0 ? clip(parts.join('; ')) : null;
}

/** The resume's own summary when it has one, else its most recent role and highest school. */
export function resumeSummary(summary: string | null, experience: ExperienceEntry[], education: EducationEntry[]): string | null {
  if (summary) return clip(summary);
  const latest = experience[0];
  const school = education[0];
  const parts = [
    latest ? [latest.title, latest.company].filter(Boolean).join(' at ') : '',
    school ? [school.degree, school.school].filter(Boolean).join(', ') : '',
  ].filter((p) => p.length > 0);
  return parts.length > 0 ? clip(parts.join('. ')) : null;
}
