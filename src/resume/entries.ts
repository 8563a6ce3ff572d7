/** Experience entries, and the header/date anchoring that education reuses. */
import { findDateSpan, withoutDate, type DateSpan } from './dates';
import type { ExperienceEntry } from './resume-schema';
import type { ResumeLine } from './text-lines';
import { hasTitleWord } from './vocabulary';

const BULLET_RE = /^[•◦▪‣●○■□◆◇➢➤✓✔►▸\-*·␣❖⁃∙]\s*/u;
const TITLE_RE =
  /\b(?:engineer(?:ing)?|developer|programmer|manager|intern|internship|assistant|analyst|scientist|designer|consultant|director|lead|leader|head|founder|co-?founder|cto|ceo|cfo|coo|vp|vice president|president|officer|architect|researcher|specialist|coordinator|volunteer|coach|teacher|tutor|lecturer|professor|fellow|member|associate|administrator|technician|representative|contributor|contractor|freelancer?|owner|partner|editor|writer|accountant|nurse|clerk|cashier|supervisor|executive|advisor|adviser|instructor|trainee|apprentice|sre|devops|staff|principal|senior|junior|sr\.?|jr\.?)\b|实习|工程师|经理|助理|总监|主管|开发|研究员|顾问/i;
const COMPANY_RE =
  /\b(?:inc|corp|corporation|llc|ltd|limited|gmbh|co|company|group|labs?|technologies|technology|systems|solutions|partners|bank|university|institute|college|school|foundation|agency|studio|ventures|holdings|research|organization|organisation|association|hospital|government|ministry|department)\b\.?|公司|集团|银行|大学|研究院/i;
// Project entries filed under experience; "Project Manager" is a job, "Side Projects" is not.
const PROJECT_RE =
  /\bprojects\b|\b(?:personal|side|individual|academic|course|class|open[- ]source|hobby|student)\s+project\b|项目(?!组)/i;
const LOCATION_RE =
  /^(?:remote|[A-Z][\p{L}.'-]*(?: [A-Z][\p{L}.'-]*){0,2},\s*(?:[A-Z]{2}|[A-Z][\p{L}.'-]*(?:\s+[A-Z][\p{L}.'-]*){0,2})(?:\s*&\s*.+)?)$/u;

export function stripBullet(text: string): string {
  return text.replace(BULLET_RE, '').trim();
}

export function isBullet(text: string): boolean {
  return BULLET_RE.test(text);
}

export function looksLikeLocation(text: string): boolean {
  return LOCATION_RE.test(text.trim()) && !COMPANY_RE.test(text);
}

/** A line that reads as a sentence rather than a header ("Led a team of 5 …"). */
export function isProse(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length > 12 || (words.length >= 6 && /[.;]$/.test(text.trim()));
}

/** "Acme, Berlin, Germany" → "Acme"; "Nexus AI – San Francisco, CA" → "Nexus AI". */
export function stripLocation(text: string): string {
  let out = text.trim();
  const dashed = /^(.+?)\s+[–—-]\s+(.+)$/.exec(out);
  if (dashed?.[1] && dashed[2] && looksLikeLocation(dashed[2])) out = dashed[1];
  const country = /^(.+?),\s*[A-Z][\p{L}.' -]*\s*\([A-Z][\p{L}.' -]*\)$/u.exec(out);
  if (country?.[1]) out = country[1];
  const trailing = /^(.+?),\s*([A-Z][\p{L}.' -]*,\s*(?:[A-Z]{2}|[A-Z][\p{L}.' -]*))$/u.exec(out);
  if (trailing?.[1] && trailing[2] && looksLikeLocation(trailing[2])) out = trailing[1];
  return out.trim();
}

/** "Summer Intern Manager: Jane" → "Summer Intern": a trailing "Label: value" is a note. */
function stripTrailingNote(text: string): string {
  return text.replace(/\s+\S+\s*[:：]\s*\S.*$/u, '').trim();
}

export function looksLikeTitle(text: string): boolean {
  return TITLE_RE.test(text) || hasTitleWord(text);
}

function titleScore(text: string): number {
  return (TITLE_RE.test(text) || hasTitleWord(text) ? 2 : 0) - (COMPANY_RE.test(text) ? 1 : 0);
}

export function firstCell(text: string): string {
  return (text.split('\t')[0] ?? '').trim();
}

function splitCompanyTitle(lines: string[]): { company: string | null; title: string | null } {
  const cleaned = lines.map((l) => stripBullet(firstCell(l))).filter((l) => l.length > 0);
  const [a, b] = cleaned;
  if (a !== undefined && b !== undefined) {
    const [company, title] = titleScore(b) >= titleScore(a) ? [a, b] : [b, a];
    return { company: stripLocation(company), title: stripTrailingNote(stripLocation(title)) };
  }
  if (a === undefined) return { company: null, title: null };
  const byComma = titleFirstLine(a);
  if (byComma) return byComma;
  const one = stripLocation(a);
  for (const sep of [/\s+\|\s+|\s*\|\s*/, /\s+(?:at|@)\s+/i, /\s+[–—]\s+/, /\s+-\s+/, /,\s+/]) {
    const parts = one
      .split(sep)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length < 2) continue;
    const scored = parts.map((p, i) => ({ p, i, s: titleScore(p) }));
    const best = scored.reduce((x, y) => (y.s > x.s ? y : x));
    if (best.s <= 0) continue;
    const rest = parts.filter((_, i) => i !== best.i && !looksLikeLocation(parts[i] ?? ''));
    return { company: rest[0] ?? null, title: stripTrailingNote(best.p) };
  }
  return titleScore(one) > 0 ? { company: null, title: stripTrailingNote(one) } : { company: one, title: null };
}

/**
 * "Job title, Employer, City[, Country]" on one line (moderncv, Europass, many Word resumes), or
 * "Employer, Job title, City". The title is the part that reads as one; when neither does (a
 * language the vocabulary lacks, a template's placeholders) the convention of such lines, title
 * first, decides. "Google, Mountain View, CA" is a company and a place: not this shape.
 */
function titleFirstLine(text: string): { company: string; title: string } | null {
  const parts = text
    .replace(/[.;]$/, '')
    .split(/,\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const [p0, p1] = parts;
  const last = parts[parts.length - 1] ?? '';
  if (parts.length < 3 || !p0 || !p1) return null;
  const s0 = titleScore(p0);
  const s1 = titleScore(p1);
  if (s0 > 0 && s0 >= s1) return { title: stripTrailingNote(p0), company: p1 };
  if (s1 > 0) return { title: stripTrailingNote(p1), company: p0 };
  if (/^[A-Z]{2,3}$/.test(last) || looksLikeLocation(p0) || looksLikeLocation(`${p1}, ${last}`) && /^[A-Z]{2}$/.test(last)) return null;
  return { title: p0, company: p1 };
}

export interface Anchor {
  header: string[];
  /** The line that holds the dates, all its cells. */
  line: string;
  dates: DateSpan;
  /** Index of the last line the entry's header used. */
  end: number;
}

/** Where an entry's date sits: the whole of a header line, or the last cell of any line. */
export function lineDate(raw: string): { dates: DateSpan; label: string; nextCell?: boolean; lastCell?: string } | null {
  // An icon font mapped to letters leaves one stray character before a date ("z Month 20XX").
  const text = isBullet(raw) ? raw : raw.replace(/^[^\s\d\p{Script=Han}]\s+(?=[^\s–—-])/u, '');
  const cells = text.split('\t');
  if (isBullet(text)) {
    // Prose bullets mention years; only a date pushed into its own cell marks an entry.
    for (const cell of cells.slice(1).reverse()) {
      const d = findDateSpan(cell, { allowBareYear: true });
      if (d) return { dates: d, label: '' };
    }
    return null;
  }
  const d = findDateSpan(text, { allowBareYear: true });
  if (!d) return null;
  // Dates first ("2020 – ongoing ⇥ Berlin"): only the rest of the date's own cell can be a header.
  const leading = !/\p{L}/u.test(text.slice(0, d.index));
  const own = leading ? text.slice(0, d.index + d.length) + (text.slice(d.index + d.length).split('\t')[0] ?? '') : text;
  const rest = withoutDate(own, d)
    .split('\t')
    .filter((c) => /\p{L}/u.test(c) && !looksLikeLocation(c) && !/^[(\d]/.test(c) && !findDateSpan(c))
    .join('\t');
  if (leading && rest.length === 0) {
    // "Jan 2019 – Present ⇥ Creative Solutions Inc.": a gutter date, the entry in the next cell.
    const cells = text
      .slice(d.index + d.length)
      .split('\t')
      .slice(1)
      .filter((c) => /\p{L}/u.test(c) && !looksLikeLocation(c) && !findDateSpan(c))
      .map((c) => c.trim());
    const [next, last] = cells;
    // "1933 ⇥ Title ⇥ Employer": a short third cell names where (moderncv, Twenty-Seconds).
    const where = last && last.split(/\s+/).length <= 4 ? last : undefined;
    // A cell of its own is a name, even when it ends with a full stop.
    if (next && next.split(/\s+/).length <= 12) return { dates: d, label: next, nextCell: true, ...(where ? { lastCell: where } : {}) };
  }
  if (isProse(firstCell(rest))) {
    const last = cells.length > 1 ? findDateSpan(cells[cells.length - 1] ?? '', { allowBareYear: true }) : null;
    return last ? { dates: last, label: '' } : null;
  }
  return { dates: d, label: rest };
}

/** A city or a link between an entry's lines is part of it, never its name. */
function isPlaceOrLink(text: string): boolean {
  const cell = firstCell(text);
  // "San Francisco, CA", "Berkeley, California"; not "R.O.K Cyber Command, MND".
  const place = looksLikeLocation(cell) && (cell.split(',')[0] ?? '').trim().split(/\s+/).length <= 2;
  return place || /^(?:https?:\/\/|www\.)\S+$/i.test(cell);
}

function canBeHeader(text: string): boolean {
  if (isProse(firstCell(text)) || isPlaceOrLink(text)) return false;
  if (!isBullet(text)) return true;
  // A bulleted line with a second cell ("• Google ⇥ Mountain View, CA") is a styled header.
  const head = stripBullet(firstCell(text));
  return text.includes('\t') && head.length > 0 && head.split(/\s+/).length <= 6;
}

/** A wrapped line of the bullet above ("…, Jade," / "Stylus and Require …"). */
function continues(prev: string | undefined, text: string): boolean {
  if (prev === undefined) return false;
  return /^\p{Ll}/u.test(text) || /[,&–—-]$/.test(prev.split('\t')[0]?.trim() ?? '');
}

/**
 * A gutter too narrow for a whole range splits it over two lines ("June 2020 –" / "Present" or
 * "May 2020 Developed …"): the end goes back to the first line, the rest of the second stays.
 */
function joinSplitRanges(lines: ResumeLine[]): ResumeLine[] {
  const out = lines.map((l) => ({ ...l }));
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i] as ResumeLine;
    const next = out[i + 1] as ResumeLine;
    const start = findDateSpan(cur.text, { allowBareYear: true });
    if (!start || start.start !== null || start.index > 2) continue;
    const after = cur.text.slice(start.index + start.length);
    const dangling = /^\s*[–—-]+(?:\s+|\t|$)/.exec(after);
    if (!dangling) continue;
    const span = findDateSpan(next.text, { allowBareYear: true });
    const open = OPEN_AT_START.exec(next.text);
    const end = span && span.start === null ? { text: span.end, at: span.index, length: span.length } : open ? { text: open[0], at: 0, length: open[0].length } : null;
    if (!end?.text || end.at > 2) continue;
    cur.text = `${cur.text.slice(0, start.index + start.length)} – ${end.text}\t${after.slice(dangling[0].length)}`.replace(/\t$/, '');
    next.text = next.text.slice(end.at + end.length).replace(/^\s+/, '');
  }
  return out.filter((l) => l.text.length > 0);
}

const OPEN_AT_START = /^(?:present|current|now|today|ongoing|actualidad|presente|atual|heute|至今)(?![\p{L}])/iu;

/** Entries anchored on their dates; the header is the line(s) next to the date. */
export function anchors(input: ResumeLine[]): Anchor[] {
  const lines = joinSplitRanges(input);
  const out: Anchor[] = [];
  let pending: string[] = [];
  let below: boolean | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.text ?? '';
    const prev = lines[i - 1]?.text;
    const dated = lineDate(text);
    // A cell beside a gutter date names the entry when no header lines came before it, or when
    // it names both the employer and the title by itself.
    const whole = dated?.nextCell ? splitCompanyTitle([dated.label]) : null;
    const found = dated?.nextCell && pending.length > 0 && !(whole?.company && whole.title) ? { ...dated, label: '' } : dated;
    if (!found && isPlaceOrLink(text)) continue;
    if (!found) {
      if (canBeHeader(text) && !continues(prev, text)) pending.push(text);
      else pending = [];
      continue;
    }
    let header: string[];
    let end = i;
    const labelAlone = found.label ? splitCompanyTitle([found.label]) : null;
    if (found.label && found.lastCell) {
      header = [found.lastCell, found.label];
    } else if (found.label && labelAlone?.company && labelAlone.title) {
      // The date's own line names the whole entry ("2019–2021 ⇥ Title, Employer, City").
      header = [found.label];
    } else if (found.label) {
      const next = lines[i + 1]?.text;
      const nextFits = next !== undefined && canBeHeader(next) && !lineDate(next) && !isBullet(next);
      // "Company ⇥ dates" then the title on the next line. Once a section's first entry showed
      // that shape, the others follow it, whatever sits above them (tags, a blank-ish line).
      if (nextFits && (pending.length === 0 || below === true)) {
        header = [found.label, next];
        end = i + 1;
        below ??= true;
      } else {
        header = [...pending.slice(-1), found.label];
        below ??= false;
      }
    } else {
      const last = pending.slice(-1);
      const alone = splitCompanyTitle(last);
      header = alone.company && alone.title ? last : pending.slice(-2);
      // Dates first, then the entry (Europass, moderncv): read the header below the date.
      while (header.length === 0 || (pending.length === 0 && header.length < 2)) {
        const next = lines[end + 1]?.text;
        if (next !== undefined && isPlaceOrLink(next) && header.length > 0) break;
        if (next === undefined || !canBeHeader(next) || lineDate(next) || isBullet(next)) break;
        header = [...header, next];
        end++;
      }
    }
    if (header.length > 0) out.push({ header, line: text, dates: found.dates, end });
    pending = [];
    i = end;
  }
  return out;
}

export function parseExperience(lines: ResumeLine[]): ExperienceEntry[] {
  return anchors(lines)
    .filter((a) => !a.header.some((h) => PROJECT_RE.test(h)))
    .map((a) => ({ ...splitCompanyTitle(a.header), start: a.dates.start, end: a.dates.end }))
    .filter((e) => e.company !== null || e.title !== null);
}
