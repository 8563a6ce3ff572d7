import { linesFromPages, type PositionedItem } from '../../../src/resume/pdf-layout';

const item = (x: number, y: number, str: string, fontSize = 10): PositionedItem => ({
  str,
  x,
  y,
  fontSize,
  // Helvetica-ish average advance, enough for layout decisions.
  width: str.length * fontSize * 0.5,
});
const page = (items: PositionedItem[]) => [{ width: 612, height: 792, items }];

describe('linesFromPages', () => {
  it('joins runs on one baseline in x order, with a tab for a wide gap (a right-margin date)', () => {
    const lines = linesFromPages(page([item(450, 700, 'Jan 2020 – Present'), item(72, 700, 'Software Engineer')]));
    expect(lines.map((l) => l.text)).toEqual(['Software Engineer\tJan 2020 – Present']);
  });

  it('joins runs split inside a word without a space, and words with one', () => {
    const lines = linesFromPages(page([item(72, 700, 'Res'), item(87, 700, 'ume'), item(105, 700, 'writer')]));
    expect(lines[0]?.text).toBe('Resume writer');
  });

  it('orders lines top to bottom and keeps font sizes', () => {
    const lines = linesFromPages(page([item(72, 680, 'jane@example.org'), item(72, 720, 'Jane Example', 24)]));
    expect(lines.map((l) => [l.text, l.fontSize])).toEqual([
      ['Jane Example', 24],
      ['jane@example.org', 10],
    ]);
  });

  it('reads a two-column page column by column, a full-width header first', () => {
    const rows = Array.from({ length: 10 }, (_, i) => 650 - i * 14);
    const left = rows.map((y, i) => item(40, y, `left column line number ${i}`));
    const right = rows.map((y, i) => item(260, y, `right column has a longer line of prose ${i}`));
    const header = item(150, 740, 'Centered Name Across Both Columns Of The Page', 20);
    const lines = linesFromPages(page([header, ...right, ...left])).map((l) => l.text);
    expect(lines[0]).toBe('Centered Name Across Both Columns Of The Page');
    expect(lines.slice(1, 11)).toEqual(rows.map((_, i) => `left column line number ${i}`));
    expect(lines.slice(11)).toEqual(rows.map((_, i) => `right column has a longer line of prose ${i}`));
  });

  it('does not split a page whose right strip only holds dates', () => {
    const rows = Array.from({ length: 10 }, (_, i) => 650 - i * 14);
    const items = rows.flatMap((y, i) => [
      item(72, y, `Entry ${i} with a fairly long description`),
      item(480, y, 'May 2020 – Aug 2020'),
    ]);
    const lines = linesFromPages(page(items)).map((l) => l.text);
    expect(lines[0]).toBe('Entry 0 with a fairly long description\tMay 2020 – Aug 2020');
    expect(lines).toHaveLength(10);
  });

  it('drops icon-font glyphs (Private Use Area)', () => {
    expect(linesFromPages(page([item(72, 700, '\uf0e0 jane@example.org')]))[0]?.text).toBe('jane@example.org');
  });

  it('turns a soft hyphen drawn in the text layer into a hyphen', () => {
    expect(linesFromPages(page([item(72, 700, 'high\u00adimpact')]))[0]?.text).toBe('high-impact');
  });
});
