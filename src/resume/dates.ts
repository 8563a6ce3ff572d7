import { VOCABULARY_SOURCES } from './vocabulary';

/** Dates as printed on resumes: "Jan 2020 – Present", "2018 - 2020", "06/2019", "2015 年 3 月". */
export interface DateSpan {
  /** As printed; null when the resume gives a single date (which goes in `end`). */
  start: string | null;
  /** Null only for an open start ("since 1865"). */
  end: string | null;
  /** Where the match sits in the searched text, to cut it out of a line. */
  index: number;
  length: number;
}

const V = VOCABULARY_SOURCES;
const MONTH = `(?:${V.month})\\.?`;
const SEASON = '(?:spring|summer|fall|autumn|winter)';
const YEAR = '(?:19|20)\\d{2}';
// A template's unfilled "year" / "año" / "年" / "20XX" still marks where an entry's dates go.
const YEARISH = `(?:${YEAR}|${V.yearPlaceholder})`;
const MM = '(?:0?[1-9]|1[0-2])';
const POINT = [
  `${YEAR}\\s*年\\s*${MM}\\s*月`,
  `(?:${MONTH}|${SEASON})\\s*,?\\s*${YEARISH}`,
  `${MM}\\s*/\\s*${YEAR}`,
  `${YEAR}\\s*[./-]\\s*${MM}(?![\\d])`,
  `${YEAR}\\s*年?`,
  `(?:${V.yearPlaceholder})`,
].join('|');
const OPEN = `(?:${V.present})`;
const DASH = '[-–—‐‑−~]';
const RANGE_SEP = `\\s*(?:${DASH}+|(?<![\\p{L}])(?:${V.rangeWord})(?![\\p{L}]))\\s*`;
// \b does not work next to CJK or before "年", so edges are explicit look-arounds.
const EDGE_BEFORE = '(?<![\\p{L}\\p{N}])';
const EDGE_AFTER = '(?![\\p{L}\\p{N}])';

// Some text layers drop the dash (a soft hyphen glyph): "Sep. 2023 Mar. 2024" is still a range.
const MONTH_YEAR = `(?:${MONTH}|${SEASON})\\s*,?\\s*${YEARISH}`;
const ADJACENT_RE = new RegExp(`${EDGE_BEFORE}(${MONTH_YEAR})\\s+(${MONTH_YEAR}|${OPEN})${EDGE_AFTER}`, 'iu');
const RANGE_RE = new RegExp(`${EDGE_BEFORE}(${POINT})${RANGE_SEP}(${POINT}|${OPEN})${EDGE_AFTER}`, 'iu');
// Month-less years alone are too common in prose ("2nd place 2021"); a single date needs a
// month, a season or an explicit context (the caller decides with `allowBareYear`).
const SINGLE_RE = new RegExp(
  `${EDGE_BEFORE}((?:${MONTH}|${SEASON})\\s*,?\\s*${YEAR}|${YEAR}\\s*年\\s*${MM}\\s*月|${MM}\\s*/\\s*${YEAR})${EDGE_AFTER}`,
  'iu',
);
// "since 1865": an open range with a start and no end.
const SINCE_RE = new RegExp(`${EDGE_BEFORE}(?:${V.sinceWord})\\s+((?:${MONTH}|${SEASON})\\s*,?\\s*${YEAR}|${YEAR})${EDGE_AFTER}`, 'iu');
const YEAR_PAIR_RE = new RegExp(`^\\s*(${YEAR})\\s+(${YEAR}|${OPEN})${EDGE_AFTER}`, 'iu');
const BARE_YEAR_RE = new RegExp(`${EDGE_BEFORE}(${YEAR})${EDGE_AFTER}`, 'u');

function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The first date range in `text`, else the first single date; null when there is none. */
export function findDateSpan(text: string, options: { allowBareYear?: boolean } = {}): DateSpan | null {
  const range = RANGE_RE.exec(text) ?? ADJACENT_RE.exec(text);
  if (range?.[1] && range[2]) {
    return { start: tidy(range[1]), end: tidy(range[2]), index: range.index, length: range[0].length };
  }
  // "2002 ⇥ 2007 Title…": a gutter whose dash was lost (an OCR'd scan) still holds a range.
  const pair = options.allowBareYear ? YEAR_PAIR_RE.exec(text) : null;
  if (pair?.[1] && pair[2]) return { start: pair[1], end: tidy(pair[2]), index: pair.index, length: pair[0].length };
  const since = SINCE_RE.exec(text);
  if (since?.[1]) return { start: tidy(since[1]), end: null, index: since.index, length: since[0].length };
  const single = SINGLE_RE.exec(text) ?? (options.allowBareYear ? BARE_YEAR_RE.exec(text) : null);
  if (single?.[1]) return { start: null, end: tidy(single[1]), index: single.index, length: single[0].length };
  return null;
}

/** `text` with the date span and the separators around it removed. */
export function withoutDate(text: string, span: DateSpan): string {
  const before = text.slice(0, span.index);
  const after = text.slice(span.index + span.length);
  return `${before}\t${after}`
    .split('\t')
    .map((cell) =>
      cell
        .replace(/^[\s|,;:·•–—)-]+|[\s|,;:·•–—(-]+$/g, '')
        .replace(/\(\s*\)/g, '')
        .trim(),
    )
    .filter((cell) => cell.length > 0)
    .join('\t');
}
