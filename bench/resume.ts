/**
 * `npm run bench:resume [-- MANIFEST FOLDER [MANIFEST FOLDER …]] [--runs N]`: accuracy of the
 * resume reader against the hand-checked truth of each manifest (files in FOLDER), per set and per
 * layout class, and its time per file: text files against `pdftotext` on the same files, files read
 * by OCR per page. Without arguments: ../shared/fixtures/resumes and ../shared/fixtures/resumes-wide.
 */
import { execFile, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { closeResumeReader, readResume } from '../src/resume/read-resume';
import { addScore, emptyScore, layoutClass, manifestSchema, scoreFile, type FileScore, type Tally } from './support/resume-score';

const run = promisify(execFile);

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};
const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(0)}%`);
const msText = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');

function hasPdftotext(): boolean {
  return !spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error;
}

interface Timing {
  /** Warm extraction time per text file (ms), and pdftotext's on the same PDFs. */
  extract: number[];
  pdftotext: number[];
  /** Whole read per text file (ms). */
  read: number[];
  /** Per page of files read by OCR (ms), wall clock and CPU. */
  ocrPage: number[];
  ocrPageCpu: number[];
}

interface SetResult {
  name: string;
  files: number;
  byClass: Map<string, { files: number; score: FileScore }>;
  total: FileScore;
  timing: Timing;
  notes: string[];
}

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
}
const rp = (t: Tally): [string, string] => [pct(t.tp, t.truth), pct(t.tp, t.predicted)];

async function benchSet(manifestPath: string, dir: string, runs: number, withPdftotext: boolean): Promise<SetResult> {
  const manifest = manifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8')));
  const result: SetResult = {
    name: path.basename(dir),
    files: manifest.length,
    byClass: new Map(),
    total: emptyScore(),
    timing: { extract: [], pdftotext: [], read: [], ocrPage: [], ocrPageCpu: [] },
    notes: [],
  };
  for (const item of manifest) {
    const file = path.join(dir, item.file);
    const bytes = await readFile(file);
    let last = null;
    // The first run per file is a warm-up (fonts, caches, the OCR engine) and is discarded.
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const read = await readResume(bytes, { filename: item.file });
      const total = performance.now() - t0;
      // CPU of the whole process (worker threads included): what a page costs on an idle machine.
      const cpu = process.cpuUsage(cpu0);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      if (!read.ok) {
        result.notes.push(`  ${item.file}: ${read.error.code}`);
        break;
      }
      last = read;
      let theirs = NaN;
      if (withPdftotext && read.fileType === 'pdf' && !read.ocr) {
        const t1 = performance.now();
        await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 16 * 1024 * 1024 });
        theirs = performance.now() - t1;
      }
      if (i === 0) continue;
      if (read.ocr) {
        result.timing.ocrPage.push(total / Math.max(1, read.pageCount));
        result.timing.ocrPageCpu.push(cpuMs / Math.max(1, read.pageCount));
        // OCR is slow and steady; one measured run is enough.
        break;
      }
      result.timing.extract.push(read.extractMs);
      result.timing.read.push(total);
      if (Number.isFinite(theirs)) result.timing.pdftotext.push(theirs);
    }
    const score = last ? scoreFile(last.resume, item.truth) : scoreFile(emptyResume(), item.truth);
    const cls = layoutClass(item.layout);
    const bucket = result.byClass.get(cls) ?? { files: 0, score: emptyScore() };
    bucket.files++;
    addScore(bucket.score, score);
    result.byClass.set(cls, bucket);
    addScore(result.total, score);
    if (score.notes.length > 0) result.notes.push(`  ${item.file}${last?.ocr ? ' (OCR)' : ''}: ${score.notes.join('; ')}`);
  }
  return result;
}

function emptyResume(): Parameters<typeof scoreFile>[0] {
  return {
    name: null,
    email: null,
    phone: null,
    summary: null,
    education: [],
    experience: [],
    resumeSummary: null,
    educationSummary: null,
    resumeExperience: null,
  };
}

function report(set: SetResult, withPdftotext: boolean): string[] {
  const head = ['class', 'files', 'name', 'email', 'phone', 'summary', 'edu R', 'edu P', 'exp R', 'exp P', 'dates'];
  const widths = [14, 5, 6, 6, 6, 8, 6, 6, 6, 6, 6];
  const line = (label: string, files: number, s: FileScore): string =>
    row(
      [
        label,
        String(files),
        pct(s.name.tp, s.name.truth),
        pct(s.email.tp, s.email.truth),
        pct(s.phone.tp, s.phone.truth),
        pct(s.summary.right, s.summary.of),
        ...rp(s.education),
        ...rp(s.experience),
        pct(s.datesExact.right, s.datesExact.of),
      ],
      widths,
    );
  const out = [`Set ${set.name}: ${set.files} files`, '', row(head, widths)];
  for (const [cls, b] of [...set.byClass.entries()].sort(([a], [b]) => a.localeCompare(b))) out.push(line(cls, b.files, b.score));
  out.push(line('ALL', set.files, set.total));
  const t = set.timing;
  out.push('');
  out.push(
    `  text files: extraction median ${msText(quantile(t.extract, 0.5))}, p95 ${msText(quantile(t.extract, 0.95))}; whole read median ${msText(quantile(t.read, 0.5))}, p95 ${msText(quantile(t.read, 0.95))}`,
  );
  if (withPdftotext && t.pdftotext.length > 0) {
    const ratio = quantile(t.extract, 0.5) / quantile(t.pdftotext, 0.5);
    out.push(
      `  pdftotext -layout on the same PDFs: median ${msText(quantile(t.pdftotext, 0.5))}, p95 ${msText(quantile(t.pdftotext, 0.95))}; ratio of medians ${ratio.toFixed(2)}x (target <= 2x)`,
    );
  }
  if (t.ocrPage.length > 0) {
    out.push(
      `  OCR files: per page median ${msText(quantile(t.ocrPage, 0.5))}, p95 ${msText(quantile(t.ocrPage, 0.95))}; CPU per page median ${msText(quantile(t.ocrPageCpu, 0.5))} (${t.ocrPage.length} files; target median < 4000 ms)`,
    );
  }
  if (set.notes.length > 0) out.push('', '  Differences from the truth:', ...set.notes);
  return out;
}

async function main(argv: string[]): Promise<void> {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 4;
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs');
  const shared = path.resolve(__dirname, '../../shared/fixtures');
  const pairs: Array<[string, string]> = [];
  if (positional.length === 0) {
    for (const set of ['resumes', 'resumes-wide']) pairs.push([path.join(shared, set, 'manifest.json'), path.join(shared, set)]);
  } else {
    if (positional.length % 2 !== 0) throw new Error('usage: npm run bench:resume -- MANIFEST FOLDER [MANIFEST FOLDER …] [--runs N]');
    for (let i = 0; i < positional.length; i += 2) pairs.push([path.resolve(positional[i] ?? ''), path.resolve(positional[i + 1] ?? '')]);
  }
  const withPdftotext = hasPdftotext();
  const out: string[] = [`Resume reader evaluation (${runs} runs per text file, the first discarded)`, ''];
  for (const [manifest, dir] of pairs) {
    out.push(...report(await benchSet(manifest, dir, runs, withPdftotext), withPdftotext), '');
  }
  await closeResumeReader();
  out.push(
    'Matching: name and email equal after NFKC, case and whitespace folding; phone equal by digits (an added',
    'country code allowed); summary: a summary read exactly when the truth says the resume has one; an',
    'education entry matches when the schools match, an experience entry when company and title both match',
    '(strings equal, or one containing the other, with punctuation and spaces removed); entries paired one to',
    'one; R = recall, P = precision; dates: matched entries whose start and end are both exact.',
  );
  if (!withPdftotext) out.push('pdftotext not on PATH: no ratio (Debian: apt-get install poppler-utils)');
  process.stdout.write(`${out.join('\n')}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
