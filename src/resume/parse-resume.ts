import type { CountryCode } from 'libphonenumber-js';
import { findEmails, findPhone } from './contacts';
import { parseEducation } from './education';
import { isBullet, looksLikeTitle, parseExperience, stripBullet } from './entries';
import { clip, educationSummary, experienceSummary, resumeSummary } from './record-summaries';
import { parsedResumeSchema, type ParsedResume } from './resume-schema';
import { classifyHeading, splitSections, type Section } from './sections';
import { linesFromPlainText, type ResumeLine } from './text-lines';
import { isLabel, withoutLabel } from './vocabulary';

export type { ParsedResume } from './resume-schema';

/** Options of {@link parseResume}. */
export interface ParseResumeOptions {
  /** Country assumed for a phone printed without "+CC" (e.g. the agency's); default: none. */
  defaultCountry?: CountryCode;
}

const SUMMARY_MAX_CHARS = 400;
const TAGLINE_WITHIN = 4;
// A number with no "phone:" label counts only near the top, where contact details are;
// further down, long digit runs are IDs, patents and grants.
const UNLABELLED_PHONE_LINES = 30;
const NAME_LABEL_RE = /^(?:name|姓名)\s*[:：]\s*/i;
const LATIN_NAME_RE = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){1,4}$/u;
const NOT_A_NAME_RE = /^(?:r[ée]sum[ée]|curriculum vitae|cv|contact|personal (?:details|information)|简历|个人简历)$/i;
const CJK_NAME_RE = /^[\p{Script=Han}·]{1,4}(?: [\p{Script=Han}]{1,3})?$/u;

/**
 * Reads a resume's text into structured fields. Pure: no I/O, no clock; the same input gives
 * the same output. Takes plain text (DOCX, tests) or the PDF extractor's lines (with font sizes,
 * which help find the name and headings).
 */
export function parseResume(input: string | ResumeLine[], options: ParseResumeOptions = {}): ParsedResume {
  const raw = typeof input === 'string' ? linesFromPlainText(input) : input;
  const lines = dropRunningLines(raw);
  const { header, sections } = splitSections(lines);
  const top = header.length > 0 ? header : lines.slice(0, 5);

  // The name may sit outside the header: in a sidebar, or after a summary box in text order.
  // Then it is the largest text of the first page.
  const largest = largestOnFirstPage(lines);
  const name = findName(top) ?? findName(largest) ?? findName(largest, { oneWord: true });
  const allTexts = [...top, ...lines].map((l) => l.text);
  // Contacts may live only in a running header or footer, which the sections leave out.
  const running = raw.filter((l) => !lines.includes(l)).map((l) => l.text);
  const email = findEmails(allTexts.join('\n'))[0] ?? findEmails(running.join('\n'))[0] ?? null;
  const phone =
    (
      findPhone(allTexts, { defaultCountry: options.defaultCountry, unlabelledWithin: top.length + UNLABELLED_PHONE_LINES }) ??
      findPhone(running, { defaultCountry: options.defaultCountry }) ??
      // A contact line at the very end ("email • phone • age"): a number beside an email is a phone.
      findPhone(
        allTexts.filter((t) => findEmails(t).length > 0),
        { defaultCountry: options.defaultCountry },
      )
    )?.value ?? null;

  const of = (kind: Section['kind']): ResumeLine[] => sections.filter((s) => s.kind === kind).flatMap((s) => s.lines);
  const summary = sectionSummary(of('summary')) ?? tagline(top, name);
  const education = parseEducation(of('education'));
  // Volunteer work counts only when the resume lists no employment at all.
  const work = of('experience');
  const experience = parseExperience(work.length > 0 ? work : of('volunteer'));

  return parsedResumeSchema.parse({
    name,
    email,
    phone,
    summary,
    education,
    experience,
    resumeSummary: resumeSummary(summary, experience, education),
    educationSummary: educationSummary(education),
    resumeExperience: experienceSummary(experience),
  });
}

/** Running headers and footers ("Jane Doe – 1/2") repeat on every page with a new number. */
function dropRunningLines(lines: ResumeLine[]): ResumeLine[] {
  const pagesOf = new Map<string, Set<number>>();
  const key = (l: ResumeLine): string => l.text.replace(/\d+/g, '#');
  for (const l of lines) {
    if (l.page == null || !/\d/.test(l.text)) continue;
    const set = pagesOf.get(key(l)) ?? new Set<number>();
    set.add(l.page);
    pagesOf.set(key(l), set);
  }
  return lines.filter((l) => l.page == null || !/\d/.test(l.text) || (pagesOf.get(key(l))?.size ?? 0) < 2);
}

// Post-nominal letters are not part of the name the record keeps ("Jane Doe, MBA").
const CREDENTIALS_RE = /,\s*(?:[A-Z][A-Za-z.]{1,5})(?:,\s*[A-Z][A-Za-z.]{1,5})*$/;

function nameCandidate(line: ResumeLine, oneWord = false): string | null {
  // "Jane Doe | Software Engineer": the name is the first part.
  const first = (line.text.split('\t')[0] ?? '').split(/\s+[|·•–—]\s+/)[0] ?? '';
  const cell = withoutLabel(first.replace(NAME_LABEL_RE, '')).replace(CREDENTIALS_RE, '').trim();
  if (/[@\d]/.test(cell) || cell.length > 60) return null;
  if (CJK_NAME_RE.test(cell)) return cell;
  // A single word is a name only as the largest text of the page ("Alice" in a sidebar).
  return LATIN_NAME_RE.test(cell) || (oneWord && /^\p{Lu}\p{Ll}+$/u.test(cell)) ? cell : null;
}

function largestOnFirstPage(lines: ResumeLine[]): ResumeLine[] {
  const first = lines.filter((l) => (l.page ?? 1) === 1);
  const sizes = first.flatMap((l) => (l.fontSize ? [l.fontSize] : [])).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)];
  if (body === undefined) return [];
  return first.filter((l) => (l.fontSize ?? 0) >= body * 1.3);
}

function findName(top: ResumeLine[], options: { oneWord?: boolean } = {}): string | null {
  // The name is the biggest text at the top; without font sizes, the first name-like line.
  const ranked = top.some((l) => l.fontSize != null) ? [...top].sort((a, b) => (b.fontSize ?? 0) - (a.fontSize ?? 0)) : top;
  const names = ranked.flatMap((line) => {
    const name = nameCandidate(line, options.oneWord);
    return name && !NOT_A_NAME_RE.test(name) && !isLabel(name) && classifyHeading(name) === null ? [name] : [];
  });
  // A big "Software Engineer" banner is a title; prefer a candidate without job words.
  return names.find((n) => !looksLikeTitle(n)) ?? names[0] ?? null;
}

function sectionSummary(lines: ResumeLine[]): string | null {
  const text = lines
    .map((l) => stripBullet(l.text.replace(/\t/g, ' ')))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 0 ? clip(text, SUMMARY_MAX_CHARS) : null;
}

/** A one-line pitch under the name ("Software engineer obsessed with …"). */
function tagline(top: ResumeLine[], name: string | null): string | null {
  // Only right under the name: further down, a stray line is anything but a pitch.
  const afterName = (name ? top.slice(top.findIndex((l) => l.text.includes(name)) + 1) : top).slice(0, TAGLINE_WITHIN);
  const line = afterName.find((l) => {
    const t = l.text;
    if (t.includes('\t') || /[@\d|:]/.test(t) || isBullet(t) || /^https?:/i.test(t)) return false;
    // "street and number – postcode city – country": an address, not a pitch.
    if ((t.match(/\s(?:-{1,2}|[–—•·])\s/g) ?? []).length >= 2) return false;
    const words = t.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
    return words.length >= 4 && !/^[\p{L} .'-]+,\s*[\p{L} .'-]+(?:,\s*[\p{L} .'-]+)?$/u.test(t);
  });
  return line ? clip(line.text, SUMMARY_MAX_CHARS) : null;
}
