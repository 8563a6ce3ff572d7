/** A plain-text table for benchmark output: columns padded to their widest cell. */

export type Align = 'left' | 'right';

export interface TableOptions {
  /** Per-column alignment; numbers usually read best right-aligned. Defaults to left. */
  align?: readonly Align[];
}

/** Formats `rows` under `headers` as a Markdown-compatible pipe table. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: TableOptions = {},
): string {
  const cells = rows.map((row) => headers.map((_, i) => String(row[i] ?? '')));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((row) => (row[i] as string).length)));
  const pad = (text: string, i: number): string =>
    options.align?.[i] === 'right' ? text.padStart(widths[i] as number) : text.padEnd(widths[i] as number);
  const line = (row: readonly string[]): string => `| ${row.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (options.align?.[i] === 'right' ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(headers), rule, ...cells.map(line)].join('\n');
}

/** Milliseconds with a precision that suits the magnitude (0.123, 12.3, 1234). */
export function formatMs(ms: number): string {
  if (ms < 10) return ms.toFixed(3);
  if (ms < 1000) return ms.toFixed(1);
  return ms.toFixed(0);
}

export function printTable(headers: readonly string[], rows: readonly (readonly unknown[])[], options: TableOptions = {}): void {
  console.log(formatTable(headers, rows, options));
}
