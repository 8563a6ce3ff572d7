/** Education entries: a school opens an entry, and its degree and dates sit around it. */
import { findDateSpan, withoutDate, type DateSpan } from './dates';
import { anchors, firstCell, isBullet, isProse, lineDate, stripBullet, stripLocation } from './entries';
import type { EducationEntry } from './resume-schema';
import type { ResumeLine } from './text-lines';

const SCHOOL_RE =
  /\b(?:university|universit[éäà]t?|universidad|universidade|università|college|institute|institut|school|academy|polytechnic|politecnico|conservatory|hochschule|lyc[ée]e|gymnasium|seminary|institution|instituci[oó]n|institui[cç][aã]o)\b|大学|学院|学校|中学|院校/i;
const DEGREE_RE =
  /\b(?:b\.?\s?s\.?c?|b\.?\s?a|b\.?\s?e|b\.?\s?eng|b\.?\s?tech|m\.?\s?s\.?c?|m\.?\s?a|m\.?\s?eng|m\.?\s?tech|m\.?\s?b\.?\s?a|ph\.?\s?d|d\.?\s?phil|j\.?\s?d|m\.?\s?d|bachelor'?s?|master'?s?|doctor(?:ate)?|associate'?s?|diploma|certificate|a-levels?|high school|licence|licenciatura|mba|meng|msc|bsc|beng|btech|mtech|bs|ms|ba|ma|phd|student)\b|学士|硕士|博士|研究生|本科|专科/i;
const DEGREE_PREFIX_RE =
  /^(?:b\.?\s?s\.?c?|b\.?\s?a|m\.?\s?s\.?c?|m\.?\s?a|m\.?\s?eng|ph\.?\s?d|mba|meng|msc|bsc|bs|ms|ba|ma|phd)\.?\s+/i;

function segments(text: string): string[] {
  return text
    .split(/\t|[,;]\s+|\s+[|–—]\s+|\s+-\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// "High School Diploma" names a degree, not a school.
const DEGREE_NOT_SCHOOL_RE = /\b(?:diploma|certificate|degree|ged)\b|^high school\.?$/i;

function schoolIn(text: string): string | null {
  const seg = segments(text).find((s) => SCHOOL_RE.test(s) && !DEGREE_NOT_SCHOOL_RE.test(s));
  return seg ? seg.replace(DEGREE_PREFIX_RE, '').trim() : null;
}

function degreeIn(text: string): string | null {
  const clean = stripLocation((text.split('\t')[0] ?? '').replace(/^[\s,;:|–—-]+/, ''));
  if (!DEGREE_RE.test(clean)) return null;
  // Grades and expected dates trail the degree: "…; GPA: 4.00", "…, expected March 2016".
  return (
    clean
      .replace(/\s*(?:[;,(]|\s-\s).*?(?:gpa|grade|expected|预计).*$/i, '')
      .replace(/[;,]\s*$/, '')
      .trim() || null
  );
}

function fontOf(lines: ResumeLine[], idx: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const i of idx) {
    const f = lines[i]?.fontSize;
    if (f != null) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function parseEducation(lines: ResumeLine[]): EducationEntry[] {
  const texts = lines.map((l) => l.text);
  const schoolIdx = texts.flatMap((t, i) => {
    const d = findDateSpan(t, { allowBareYear: true });
    const probe = stripBullet(d ? withoutDate(t, d) : t);
    return !isProse(probe) && schoolIn(probe) ? [i] : [];
  });
  // When schools have their own font, that style finds the ones without a telling name
  // ("La Martinière for Boys") and drops lines that only mention one ("College of Engineering").
  const schoolFont = fontOf(lines, schoolIdx);
  const sameFont = lines.filter((l) => l.fontSize === schoolFont).length;
  const distinct = schoolFont != null && sameFont * 2 < lines.length;
  const starts = distinct
    ? texts.flatMap((t, i) => {
        if (lines[i]?.fontSize !== schoolFont) return [];
        const plain = stripBullet(t);
        return schoolIdx.includes(i) || (!DEGREE_RE.test(plain) && !isProse(plain) && !/\d/.test(plain)) ? [i] : [];
      })
    : schoolIdx;
  if (starts.length === 0) {
    return anchors(lines).map((a) => {
      const degree = a.header.map((h) => degreeIn(stripBullet(h))).find(Boolean) ?? null;
      // "1863–1865 ⇥ M.Sc. ⇥ Wonderland": beside a degree, the other cell is the school.
      const cells = a.line.split('\t').map((c) => c.trim());
      const beside = degree ? cells.find((c) => /\p{L}{2}/u.test(c) && !findDateSpan(c, { allowBareYear: true }) && !DEGREE_RE.test(c)) : undefined;
      const school =
        a.header.map((h) => schoolIn(h)).find(Boolean) ?? beside ?? stripLocation(stripBullet(firstCell(a.header[0] ?? '')));
      return { school: school || null, degree, start: a.dates.start, end: a.dates.end };
    });
  }
  // Dates on their own line above each entry (pandoc, Europass): each school takes the date
  // line just above it, never the next entry's.
  const dateOnly = (t: string | undefined): DateSpan | null => {
    if (t === undefined) return null;
    const d = findDateSpan(t, { allowBareYear: true });
    return d && !/\p{L}{3,}/u.test(withoutDate(t, d).replace(/\((?:expected|anticipated|est\.?)\)/i, '')) ? d : null;
  };
  const datesAbove = starts.length > 0 && starts.every((from) => dateOnly(texts[from - 1]) !== null);
  return starts.map((from, k) => {
    const to = Math.max(from + 1, (starts[k + 1] ?? lines.length + 1) - (datesAbove ? 1 : 0));
    const block = texts.slice(from, to);
    const head = block[0] ?? '';
    const headDates = findDateSpan(head, { allowBareYear: true });
    const headText = stripBullet(headDates ? withoutDate(head, headDates) : head);
    const school = schoolIn(headText) ?? stripLocation(firstCell(headText));
    let dates: DateSpan | null = datesAbove ? dateOnly(texts[from - 1]) : null;
    for (const t of dates ? [] : block) {
      const found = isBullet(t) ? lineDate(t)?.dates : findDateSpan(t, { allowBareYear: true });
      if (found) {
        dates = found;
        break;
      }
    }
    const candidates = [headText.replace(school, ''), ...block.slice(1).filter((t) => !isBullet(t))];
    // The degree may also come first, on the line above the school.
    // Before the first school nothing is claimed, so its lines may hold the dates too.
    const above = k === 0 ? texts.slice(0, from).reverse() : texts.slice(from - 1, from).filter((t) => degreeIn(t));
    for (const t of above.filter((a) => !isBullet(a))) {
      candidates.push(t);
      dates ??= findDateSpan(t, { allowBareYear: true });
    }
    const degree = candidates
      .map((t) => {
        const d = findDateSpan(t, { allowBareYear: true });
        return degreeIn(d ? withoutDate(t, d) : t);
      })
      .find(Boolean);
    return { school: school || null, degree: degree ?? null, start: dates?.start ?? null, end: dates?.end ?? null };
  });
}
