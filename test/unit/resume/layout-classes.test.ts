import { docxLines, type DocxBlock } from '../../../src/resume/docx-layout';
import { parseResume } from '../../../src/resume/parse-resume';
import { linesFromPages, type PositionedItem } from '../../../src/resume/pdf-layout';
import type { ResumeLine } from '../../../src/resume/text-lines';

// The layout classes of issue 15, each pinned by a small made-up resume of that shape (never a
// fixture's text): sidebars, gutters, stacked entries, other languages, DOCX tables.

const text = (...lines: string[]): string => lines.join('\n');
const item = (x: number, y: number, str: string, fontSize = 10): PositionedItem => ({ str, x, y, width: str.length * fontSize * 0.5, fontSize });
const page = (items: PositionedItem[]) => [{ width: 612, height: 792, items }];
const para = (t: string, cells: DocxBlock['cells'] = [], extra: Partial<DocxBlock> = {}): DocxBlock => ({
  text: t,
  style: null,
  size: null,
  list: false,
  bold: false,
  cells,
  ...extra,
});

describe('layout: a sidebar beside the main column', () => {
  it('reads the sidebar apart (skills never become companies) and finds the name there', () => {
    const sidebar = [
      'Karin Lindqvist',
      'karin@example.se',
      '+46 70 123 45 67',
      'Skills',
      'Docker',
      'Kubernetes',
      'Incident response',
      'Capacity planning',
      'Languages',
      'Swedish (native)',
      'English (fluent)',
    ];
    const main = [
      'Experience',
      'Platform Engineer\tMar 2021 – Present',
      'Nordlys AB',
      'Built the deployment pipeline used by every team in the company today.',
      'Site Reliability Engineer\tJan 2018 – Feb 2021',
      'Fjord Systems',
      'Education',
      'KTH Royal Institute of Technology\t2014 – 2017',
    ];
    const items = [
      ...sidebar.map((t, i) => item(30, 740 - i * 16, t, i === 0 ? 18 : 10)),
      ...main.flatMap((t, i) => t.split('\t').map((cell, k) => item(k === 0 ? 220 : 480, 740 - i * 16, cell))),
    ];
    const lines = linesFromPages(page(items));
    expect(lines.find((l) => l.text === 'Docker')?.role).toBe('sidebar');
    const r = parseResume(lines);
    expect(r.name).toBe('Karin Lindqvist');
    expect(r.experience.map((e) => [e.company, e.title])).toEqual([
      ['Nordlys AB', 'Platform Engineer'],
      ['Fjord Systems', 'Site Reliability Engineer'],
    ]);
    expect(r.education.map((e) => e.school)).toEqual(['KTH Royal Institute of Technology']);
  });
});

describe('layout: gutters and entry shapes', () => {
  it('a section label sharing its row with the first entry still opens the section', () => {
    const r = parseResume(text('Ana Souza', 'Experience\tLumen Tecnologia\tMay 2019 – Present', 'Data Engineer\tCuritiba, PR'));
    expect(r.experience).toEqual([{ company: 'Lumen Tecnologia', title: 'Data Engineer', start: 'May 2019', end: 'Present' }]);
  });

  it('company, title, city and dates stacked on separate lines: the city is never the company', () => {
    const r = parseResume(text('Ana Souza', 'Experience', 'Lumen Tecnologia', 'Data Engineer', 'Curitiba, PR', 'May 2019 to Present'));
    expect(r.experience).toEqual([{ company: 'Lumen Tecnologia', title: 'Data Engineer', start: 'May 2019', end: 'Present' }]);
  });

  it('"Title, Employer, City" after a gutter date, title first, even with no job word', () => {
    const r = parseResume(text('Ana Souza', 'Experience', '2016–2019\tcuradora de datos, Museu Paulista, São Paulo.'));
    expect(r.experience).toEqual([{ company: 'Museu Paulista', title: 'curadora de datos', start: '2016', end: '2019' }]);
  });

  it('dates on their own line above each school belong to that school', () => {
    const r = parseResume(text('Ana Souza', 'Education', '2015-2019', 'MSc; Lakeside University', '2011-2015', 'BSc; Hillview College'));
    expect(r.education.map((e) => [e.school, e.start, e.end])).toEqual([
      ['Lakeside University', '2015', '2019'],
      ['Hillview College', '2011', '2015'],
    ]);
  });
});

describe('languages: the section vocabulary comes from data files', () => {
  it('reads Spanish, German and letter-spaced headings', () => {
    const es = parseResume(text('Lucía Pérez', 'Experiencia laboral', 'Analista de datos\tene 2020 – actualidad', 'Banco Andino'));
    expect(es.experience).toEqual([{ company: 'Banco Andino', title: 'Analista de datos', start: 'ene 2020', end: 'actualidad' }]);
    const de = parseResume(text('Jonas Weber', 'Ausbildung', 'Technische Universität München\t2012 – 2016'));
    expect(de.education.map((e) => e.school)).toEqual(['Technische Universität München']);
    const spaced = parseResume(text('Jonas Weber', 'edu cation', 'Technische Universität München\t2012 – 2016'));
    expect(spaced.education).toHaveLength(1);
  });

  it('takes the name without a label glued to it', () => {
    expect(parseResume(text('Personal Information Jonas Weber', 'jonas@example.de')).name).toBe('Jonas Weber');
  });
});

describe('contacts', () => {
  it('a postcode in the cell before a phone, and dotted separators', () => {
    expect(parseResume(text('Ana Souza', 'Springfield, IL 62704\t(217) 555-0199')).phone).toBe('(217) 555-0199');
    expect(parseResume(text('Ana Souza', '(650) · 861 · 1054')).phone).toBe('(650) 861 1054');
  });

  it('contacts only in a running footer are still found', () => {
    const lines: ResumeLine[] = [1, 2].flatMap((p) => [
      { text: 'Body of page ' + p, page: p },
      { text: `ana@example.com • +55 41 99999 0000\t${p}/2`, page: p },
    ]);
    const r = parseResume([{ text: 'Ana Souza', page: 1, fontSize: 20 }, ...lines]);
    expect(r.email).toBe('ana@example.com');
    expect(r.phone).toBe('+5541999990000');
  });
});

describe('DOCX: tables through the same layout stage', () => {
  it('a row of one-paragraph cells is one line (a job per row); a two-cell resume table reads cell by cell', () => {
    const row = docxLines([para('2019 – 2021', [[0, 0, 0, 20]]), para('Globex, Analyst', [[0, 0, 1, 80]])]);
    expect(row.map((l) => l.text)).toEqual(['2019 – 2021\tGlobex, Analyst']);
    const twoColumn = docxLines([
      para('Mei Chen', [[0, 0, 0, 30]]),
      para('Skills', [[0, 0, 0, 30]]),
      para('Experience', [[0, 0, 1, 70]]),
      para('Initech\t2019.07-2021.06', [[0, 0, 1, 70]]),
    ]);
    expect(twoColumn.map((l) => [l.text, l.role])).toEqual([
      ['Mei Chen', 'sidebar'],
      ['Skills', 'sidebar'],
      ['Experience', 'main'],
      ['Initech\t2019.07-2021.06', 'main'],
    ]);
  });
});
