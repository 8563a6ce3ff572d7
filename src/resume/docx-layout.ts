import { cleanText, tidyLine, type RegionRole, type ResumeLine } from './text-lines';

/**
 * One DOCX paragraph as the extraction worker reads it: its text (tabs and line breaks kept),
 * style and size, and where it sits in tables: one [table, row, cell, cell width %] per level.
 */
export interface DocxBlock {
  text: string;
  style: string | null;
  size: number | null;
  list: boolean;
  bold: boolean;
  cells: Array<[number, number, number, number]>;
}

// Word's built-in styles carry no size in document.xml; these are their usual sizes, so a
// "Title" still reads as the biggest text and headings as bigger than the body.
const STYLE_SIZE: Array<[RegExp, number]> = [
  [/^title$/i, 26],
  [/^(?:heading|berschrift|titre|titulo|título)\s*1$/i, 16],
  [/^(?:heading|berschrift|titre|titulo|título)\s*2$/i, 14],
  [/^(?:heading|berschrift|titre|titulo|título)\s*[3-9]$/i, 12],
  [/^subtitle$/i, 13],
];
const BODY_SIZE = 11;
// A cell narrower than this share of its row, beside a wider one, is a sidebar.
const SIDEBAR_SHARE = 40;

function sizeOf(b: DocxBlock): number {
  const style = b.style?.replace(/([a-z])(\d)/i, '$1 $2') ?? '';
  const byStyle = STYLE_SIZE.find(([re]) => re.test(style))?.[1];
  return b.size ?? byStyle ?? BODY_SIZE;
}

function linesOf(b: DocxBlock, role: RegionRole | undefined): ResumeLine[] {
  return b.text
    .split('\n')
    .map((t) => tidyLine(cleanText(t)))
    .filter((t) => t.length > 0)
    .map((t) => ({ text: b.list && !/^[•◦▪‣●○■□◆◇➢➤✓✔►▸*·-]/u.test(t) ? `• ${t}` : t, fontSize: sizeOf(b), ...(role ? { role } : {}) }));
}

/**
 * A DOCX in reading order, through the same kind of regions as a PDF page: a table row whose
 * cells each hold one paragraph is one line with a tab per cell (a job per row: dates ⇥ company);
 * a row whose cells hold several paragraphs is a set of regions, read cell by cell, where a
 * narrow cell beside a wide one is a sidebar (a two-column resume built as a table).
 */
export function docxLines(blocks: DocxBlock[], depth = 0, role?: RegionRole): ResumeLine[] {
  const out: ResumeLine[] = [];
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i];
    if (!b) break;
    const level = b.cells[depth];
    if (!level) {
      out.push(...linesOf(b, role));
      i++;
      continue;
    }
    // One table at this depth: its blocks, grouped by row, then by cell.
    const table = level[0];
    const rows = new Map<number, Map<number, { width: number; blocks: DocxBlock[] }>>();
    while (i < blocks.length && blocks[i]?.cells[depth]?.[0] === table) {
      const cur = blocks[i] as DocxBlock;
      const [, row, cell, width] = cur.cells[depth] as [number, number, number, number];
      const cells = rows.get(row) ?? new Map<number, { width: number; blocks: DocxBlock[] }>();
      const entry = cells.get(cell) ?? { width, blocks: [] };
      entry.blocks.push(cur);
      cells.set(cell, entry);
      rows.set(row, cells);
      i++;
    }
    for (const cells of rows.values()) {
      const list = [...cells.values()];
      const simple = list.every((c) => c.blocks.length <= 1 && c.blocks.every((x) => x.cells.length === depth + 1 && !x.text.includes('\n')));
      if (simple) {
        const texts = list.map((c) => tidyLine(cleanText(c.blocks[0]?.text ?? ''))).filter((t) => t.length > 0);
        const first = list.find((c) => c.blocks[0])?.blocks[0];
        if (texts.length > 0 && first) out.push({ text: texts.join('\t'), fontSize: sizeOf(first), ...(role ? { role } : {}) });
        continue;
      }
      const widest = Math.max(...list.map((c) => c.width));
      for (const c of list) {
        const cellRole: RegionRole | undefined =
          list.length > 1 && c.width > 0 && c.width < SIDEBAR_SHARE && c.width < widest ? 'sidebar' : list.length > 1 ? 'main' : role;
        out.push(...docxLines(c.blocks, depth + 1, role === 'sidebar' ? 'sidebar' : cellRole));
      }
    }
  }
  return out;
}
