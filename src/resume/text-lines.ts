/**
 * The extractors' common output and the parser's input: the document as lines in reading order.
 * `text` uses a tab where the layout left a wide horizontal gap (a date pushed to the right
 * margin, a second cell), so the parser can tell "Title<TAB>Jan 2020 – Present" apart from prose.
 */
export interface ResumeLine {
  text: string;
  /** Font size in points when known (PDF); lets the parser find the name by its size. */
  fontSize?: number;
  /** 1-based page number when known. */
  page?: number;
  /**
   * The layout region the line was read from, when the layout stage found regions: the main
   * column, a sidebar (skills, languages, contacts beside the main column), or a gutter (a
   * narrow strip of dates or section labels left of the entries).
   */
  role?: RegionRole;
}

export type RegionRole = 'main' | 'sidebar' | 'gutter';

export interface ExtractedText {
  lines: ResumeLine[];
  pageCount: number;
}

/** Soft hyphens, zero-width marks and BOMs appear in real text layers and break matching. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// Icon fonts (Font Awesome and the like) map their glyphs to the Private Use Area.
const ICONS = /[\ue000-\uf8ff]/g;

export function cleanText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(ICONS, '')
    .replace(/[ \u00a0\u2000-\u200a\u202f\u3000]+/g, ' ');
}

/** Fixes that need the whole line, after runs of text were joined. */
export function tidyLine(s: string): string {
  return (
    s
      // Word's PDF export draws some hyphens as several dashes ("on--‐campus").
      .replace(/(?<=\p{L})[-‐‑]{2,}(?=\p{L})/gu, '-')
      .replace(/ *\t[\t ]*/g, '\t')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

export function linesFromPlainText(text: string): ResumeLine[] {
  return text
    .split(/\r?\n/)
    .map((raw) => tidyLine(cleanText(raw)))
    .filter((t) => t.length > 0)
    .map((t) => ({ text: t }));
}
