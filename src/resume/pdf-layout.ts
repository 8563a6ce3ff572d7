import { cleanText, tidyLine, type RegionRole, type ResumeLine } from './text-lines';

/** One positioned run of text from a PDF page, in PDF user space (y grows upwards). */
export interface PositionedItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PositionedPage {
  width: number;
  height: number;
  items: PositionedItem[];
}

// Gaps measured in font sizes: below SPACE_EM the runs are one word split by the generator
// (small caps, kerning); above TAB_EM the layout put them apart on purpose (cells, right dates).
const SPACE_EM = 0.12;
const TAB_EM = 1.2;
const BIN_PT = 2;
const MIN_GUTTER_PT = 8;
// A real second column carries prose; a narrow strip of dates beside the content does not.
const MIN_COLUMN_SHARE = 0.15;
const MIN_COLUMN_ROWS = 6;
const MIN_COLUMN_CHARS = 0.04;
const DATE_HINT = /\b(?:19|20)\d{2}\b|present/i;

export function linesFromPages(pages: PositionedPage[]): ResumeLine[] {
  const out: ResumeLine[] = [];
  pages.forEach((page, i) => {
    for (const line of pageLines(page)) out.push({ ...line, page: i + 1 });
  });
  return out;
}

function pageLines(page: PositionedPage): ResumeLine[] {
  // A soft hyphen in a PDF text layer was drawn, so it is a visible hyphen (or dash) there.
  const items = dedupeOverprint(
    page.items
      .map((it) => ({ ...it, str: cleanText(it.str.replace(/\u00ad/g, '-')) }))
      .filter((it) => it.str.trim().length > 0 && it.fontSize > 0),
  );
  if (items.length === 0) return [];
  const gutter = findGutter(items);
  if (gutter === null) return buildRows(items);
  // The rows across the gutter above the first row that has text on both sides of it, and none
  // across it, are a full-width header (a centred name, a title): read first, row by row. Below,
  // a run that strays across the gutter goes to the side its middle is on.
  const crossing = (it: PositionedItem): boolean => it.x < gutter && it.x + it.width > gutter;
  const ys = [...new Set(items.map((it) => Math.round(it.y)))].sort((a, b) => b - a);
  const twoSided = ys.find((y) => {
    const row = items.filter((it) => Math.abs(it.y - y) < 2);
    return !row.some(crossing) && row.some((it) => it.x + it.width <= gutter) && row.some((it) => it.x >= gutter);
  });
  const columnsTop = twoSided ?? Infinity;
  // Above that row, a one-sided row (a photo beside the first headings) still belongs to its side.
  const crossingRows = items.filter((it) => crossing(it) && it.y > columnsTop + 2).map((it) => it.y);
  const inHeader = (it: PositionedItem): boolean => it.y > columnsTop + 2 && crossingRows.some((y) => Math.abs(y - it.y) < 2);
  const full = items.filter(inHeader);
  const rest = items.filter((it) => !inHeader(it));
  const left = rest.filter((it) => it.x + it.width / 2 < gutter);
  const right = rest.filter((it) => it.x + it.width / 2 >= gutter);
  const size = (side: PositionedItem[]): number => side.reduce((n, it) => n + it.str.length, 0);
  // The column with less text is the sidebar (skills, languages, contacts); the parser reads both.
  const [leftRole, rightRole]: [RegionRole, RegionRole] = size(left) < size(right) ? ['sidebar', 'main'] : ['main', 'sidebar'];
  return [
    ...buildRows(full),
    ...buildRows(left).map((l) => ({ ...l, role: leftRole })),
    ...buildRows(right).map((l) => ({ ...l, role: rightRole })),
  ];
}

/**
 * Fake bold: some generators draw the same glyphs two or three times a fraction of a point apart
 * ("学学学位位位"). A run repeating the one just before it, almost on top of it, is dropped.
 */
function dedupeOverprint(items: PositionedItem[]): PositionedItem[] {
  const out: PositionedItem[] = [];
  for (const it of items) {
    const near = out.slice(-4).some((o) => o.str === it.str && Math.abs(o.x - it.x) < it.fontSize * 0.25 && Math.abs(o.y - it.y) < it.fontSize * 0.1);
    if (!near) out.push(it);
  }
  return out;
}

/**
 * Finds the x of a vertical white strip that splits the page into two wide columns of text.
 * Returns null for single-column pages, including those with a narrow date column.
 */
export function findGutter(items: PositionedItem[]): number | null {
  const minX = Math.min(...items.map((it) => it.x));
  const maxX = Math.max(...items.map((it) => it.x + it.width));
  const span = maxX - minX;
  if (span <= 0) return null;
  const bins = new Array<number>(Math.ceil(span / BIN_PT) + 1).fill(0);
  for (const it of items) {
    const from = Math.floor((it.x - minX) / BIN_PT);
    const to = Math.floor((it.x + it.width - minX) / BIN_PT);
    for (let b = from; b <= to; b++) bins[b] = (bins[b] ?? 0) + 1;
  }
  // A header crossing the gutter should not hide it: tolerate a few crossings.
  // Counted in rows, not runs: some generators emit a run per glyph.
  const tolerance = Math.max(2, Math.round(new Set(items.map((it) => Math.round(it.y))).size * 0.03));
  const runs: Array<{ at: number; width: number }> = [];
  let runStart = -1;
  for (let b = 0; b <= bins.length; b++) {
    const empty = b < bins.length && (bins[b] ?? 0) <= tolerance;
    if (empty && runStart < 0) runStart = b;
    if (!empty && runStart >= 0) {
      const width = (b - runStart) * BIN_PT;
      const at = minX + ((runStart + b) / 2) * BIN_PT;
      const leftShare = (at - minX) / span;
      if (width >= MIN_GUTTER_PT && leftShare >= MIN_COLUMN_SHARE && leftShare <= 1 - MIN_COLUMN_SHARE) {
        runs.push({ at, width });
      }
      runStart = -1;
    }
  }
  // Of the white strips that make two acceptable columns, the one with the most rows on its
  // poorer side: a gap inside a sidebar of skill chips is wide too, but leaves it few rows.
  let best: { at: number; rows: number } | null = null;
  for (const run of runs) {
    const rows = columnRows(items, run.at);
    if (rows !== null && (best === null || rows > best.rows)) best = { at: run.at, rows };
  }
  return best?.at ?? null;
}

/** The rows on the poorer side when `at` splits the page into two columns; null when it does not. */
function columnRows(items: PositionedItem[], at: number): number | null {
  const leftItems = items.filter((it) => it.x + it.width <= at);
  const rightItems = items.filter((it) => it.x >= at);
  // Both sides must hold several rows of words, not a few labels.
  const rows = (side: PositionedItem[]): number => new Set(side.map((it) => Math.round(it.y))).size;
  if (rows(leftItems) < MIN_COLUMN_ROWS || rows(rightItems) < MIN_COLUMN_ROWS) return null;
  const chars = (side: PositionedItem[]): number => side.reduce((n, it) => n + it.str.length, 0);
  const total = chars(items);
  if (chars(leftItems) < total * MIN_COLUMN_CHARS || chars(rightItems) < total * MIN_COLUMN_CHARS) return null;
  // Rows, not runs: some generators emit a run per word.
  const wordy = (side: PositionedItem[]): number => {
    const byRow = new Map<number, string[]>();
    for (const it of side) byRow.set(Math.round(it.y), [...(byRow.get(Math.round(it.y)) ?? []), it.str]);
    return [...byRow.values()].filter((strs) => /\p{L}{2,}\s+\p{L}{2,}/u.test(strs.join(' '))).length;
  };
  if (wordy(leftItems) < 3 || wordy(rightItems) < 3) return null;
  // A strip of "dates | places" beside the entries is a gutter of the entries, not a page column:
  // its rows belong to the entries beside them.
  const datey = (side: PositionedItem[]): boolean => side.filter((it) => DATE_HINT.test(it.str)).length * 3 >= side.length;
  if (datey(rightItems) || datey(leftItems)) return null;
  return Math.min(rows(leftItems), rows(rightItems));
}

function buildRows(items: PositionedItem[]): ResumeLine[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PositionedItem[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    const head = row?.[0];
    // Baselines within ~40% of the font size are one line (superscripts, mixed fonts).
    if (row && head && Math.abs(head.y - it.y) <= Math.max(head.fontSize, it.fontSize) * 0.4) row.push(it);
    else rows.push([it]);
  }
  return rows.map(joinRow).filter((l) => l.text.length > 0);
}

function joinRow(row: PositionedItem[]): ResumeLine {
  const cells = [...row].sort((a, b) => a.x - b.x);
  let text = '';
  let prevEnd: number | null = null;
  let fontSize = 0;
  for (const it of cells) {
    fontSize = Math.max(fontSize, it.fontSize);
    if (prevEnd !== null) {
      const gap = it.x - prevEnd;
      const em = it.fontSize;
      if (gap > TAB_EM * em) text += '\t';
      else if (gap > SPACE_EM * em && !text.endsWith(' ') && !it.str.startsWith(' ')) text += ' ';
    }
    text += it.str;
    prevEnd = Math.max(prevEnd ?? -Infinity, it.x + it.width);
  }
  return { text: tidyLine(text), fontSize: Math.round(fontSize * 10) / 10 };
}
