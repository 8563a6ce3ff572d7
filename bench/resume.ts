/**
 * `npm run bench:resume [-- DIR] [--runs N]`: accuracy of the resume parser against the
 * hand-checked truth in DIR/manifest.json (default ../shared/fixtures/resumes from the repo
 * root), and warm extraction time against `pdftotext` on the same files when it is installed.
 */
import { execFile, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { closeResumeReader, readResume } from '../src/resume/read-resume';

const run = promisify(execFile);

const entrySchema = z.object({
  school: z.string().nullish(),
  degree: z.string().nullish(),
  company: z.string().nullish(),
  title: z.string().nullish(),
  start: z.string().nullish(),
  end: z.string().nullish(),
});
const manifestSchema = z.array(
  z.object({
    file: z.string(),
    truth: z.object({
      name: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      education: z.array(entrySchema),
      experience: z.array(entrySchema),
    }),
  }),
);
type Entry = z.infer<typeof entrySchema>;

/** The fixtures' convention: case-insensitive after NFKC and whitespace folding. */
const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
/** Looser, for entry fields: punctuation and spacing ignored, one may contain the other. */
const loose = (s: string | null | undefined): string => norm(s).replace(/[^\p{L}\p{N}]+/gu, '');
function fuzzy(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = loose(a);
  const y = loose(b);
  if (!x || !y) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return x === y || (short.length >= 3 && long.includes(short));
}
/** Phones compare by digits (template masks "x" kept); an added country code still matches. */
function samePhone(a: string | null, b: string | null): boolean {
  const x = (a ?? '').toLowerCase().replace(/[^\dx]/g, '');
  const y = (b ?? '').toLowerCase().replace(/[^\dx]/g, '');
  if (!x || !y) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 7 && long.endsWith(short) && long.length - short.length <= 3;
}

interface Tally {
  tp: number;
  predicted: number;
  truth: number;
}
const tally = (): Tally => ({ tp: 0, predicted: 0, truth: 0 });

function scoreScalar(t: Tally, predicted: string | null, truth: string | null, same: (a: string, b: string) => boolean): void {
  if (predicted) t.predicted++;
  if (truth) t.truth++;
  if (predicted && truth && same(predicted, truth)) t.tp++;
}

/** Greedy one-to-one matching; returns matched pairs. */
function scoreEntries(
  t: Tally,
  predicted: Entry[],
  truth: Entry[],
  match: (p: Entry, g: Entry) => boolean,
): Array<[Entry, Entry]> {
  t.predicted += predicted.length;
  t.truth += truth.length;
  const used = new Set<number>();
  const pairs: Array<[Entry, Entry]> = [];
  for (const g of truth) {
    const i = predicted.findIndex((p, k) => !used.has(k) && match(p, g));
    const p = predicted[i];
    if (i >= 0 && p) {
      used.add(i);
      pairs.push([p, g]);
    }
  }
  t.tp += pairs.length;
  return pairs;
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};
const pct = (n: number, d: number): string => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const ms = (x: number): string => `${x.toFixed(1).padStart(7)} ms`;

function hasPdftotext(): boolean {
  return !spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error;
}

async function main(argv: string[]): Promise<void> {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 6;
  const dirArg = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs');
  const dir = path.resolve(dirArg ?? path.resolve(__dirname, '../../shared/fixtures/resumes'));
  const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')));
  const withPdftotext = hasPdftotext();

  const fields = { name: tally(), email: tally(), phone: tally(), education: tally(), experience: tally() };
  const dates = { education: [0, 0], experience: [0, 0] };
  const ours: number[] = [];
  const oursRead: number[] = [];
  const theirs: number[] = [];
  const perFile: string[] = [];
  const misses: string[] = [];

  for (const item of manifest) {
    const file = path.join(dir, item.file);
    const bytes = await readFile(file);
    const samples: number[] = [];
    const readSamples: number[] = [];
    const tp: number[] = [];
    let resume = null;
    // Ours and pdftotext alternate, so both see the same load on a shared, noisy machine.
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const result = await readResume(bytes, { filename: item.file });
      const total = performance.now() - t0;
      if (!result.ok) throw new Error(`${item.file}: ${result.error.code}`);
      resume = result.resume;
      let theirsMs = NaN;
      if (withPdftotext) {
        const t1 = performance.now();
        await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 16 * 1024 * 1024 });
        theirsMs = performance.now() - t1;
      }
      // The first run per file is a warm-up (fonts, caches) and is discarded.
      if (i > 0) {
        samples.push(result.extractMs);
        readSamples.push(total);
        if (withPdftotext) tp.push(theirsMs);
      }
    }
    if (!resume) continue;
    ours.push(...samples);
    oursRead.push(...readSamples);
    theirs.push(...tp);
    const t = item.truth;
    scoreScalar(fields.name, resume.name, t.name, (a, b) => norm(a) === norm(b));
    scoreScalar(fields.email, resume.email, t.email, (a, b) => norm(a) === norm(b));
    scoreScalar(fields.phone, resume.phone, t.phone, samePhone);
    const edu = scoreEntries(fields.education, resume.education, t.education, (p, g) => fuzzy(p.school, g.school));
    const exp = scoreEntries(
      fields.experience,
      resume.experience,
      t.experience,
      (p, g) => fuzzy(p.company, g.company) && fuzzy(p.title, g.title),
    );
    for (const [kind, pairs] of [
      ['education', edu],
      ['experience', exp],
    ] as const) {
      for (const [p, g] of pairs) {
        dates[kind][1] = (dates[kind][1] ?? 0) + 1;
        if (norm(p.start) === norm(g.start) && norm(p.end) === norm(g.end)) dates[kind][0] = (dates[kind][0] ?? 0) + 1;
      }
    }
    const missed = (pred: Entry[], truth: Entry[], pairs: Array<[Entry, Entry]>, key: (e: Entry) => string): string[] => [
      ...truth.filter((g) => !pairs.some(([, m]) => m === g)).map((g) => `missed ${key(g)}`),
      ...pred.filter((p) => !pairs.some(([m]) => m === p)).map((p) => `extra ${key(p)}`),
    ];
    const notes = [
      ...missed(resume.education, t.education, edu, (e) => `education "${e.school ?? ''}"`),
      ...missed(resume.experience, t.experience, exp, (e) => `experience "${e.company ?? ''} / ${e.title ?? ''}"`),
    ];
    if (notes.length > 0) misses.push(`  ${item.file}: ${notes.join('; ')}`);
    const med = quantile(samples, 0.5);
    const tpMed = tp.length > 0 ? quantile(tp, 0.5) : NaN;
    perFile.push(
      `  ${item.file.padEnd(42)} ${ms(med)} ${withPdftotext ? `${ms(tpMed)} ${(med / tpMed).toFixed(2).padStart(6)}x` : ''}`,
    );
  }
  await closeResumeReader();

  const out: string[] = [];
  out.push(`Resume parser evaluation: ${manifest.length} files in ${dir} (${runs} runs per file, first discarded)`);
  out.push('');
  out.push('  field        precision   recall   (tp / predicted / truth)');
  for (const [name, t] of Object.entries(fields)) {
    out.push(
      `  ${name.padEnd(12)} ${pct(t.tp, t.predicted).padStart(9)} ${pct(t.tp, t.truth).padStart(8)}   (${t.tp} / ${t.predicted} / ${t.truth})`,
    );
  }
  out.push('');
  out.push('  Matching: name and email equal after NFKC, case and whitespace folding; phone equal by digits');
  out.push('  (an added country code allowed); an education entry matches a true one when the schools match');
  out.push('  and an experience entry when both company and title match, where strings match when, with');
  out.push('  punctuation and spaces removed, they are equal or one contains the other (e.g. a trailing location).');
  out.push('  Entries are paired one to one. Dates are scored apart, on the matched entries:');
  out.push(
    `  dates exact (start and end): education ${pct(dates.education[0] ?? 0, dates.education[1] ?? 0)}, experience ${pct(dates.experience[0] ?? 0, dates.experience[1] ?? 0)}`,
  );
  out.push('');
  out.push(`  per file (median warm extraction)   ours${withPdftotext ? '        pdftotext   ratio' : ''}`);
  out.push(...perFile);
  out.push('');
  out.push(`  extraction (warm, all files): median ${ms(quantile(ours, 0.5))}, p95 ${ms(quantile(ours, 0.95))}`);
  out.push(
    `  whole readResume (sniff + extract + parse): median ${ms(quantile(oursRead, 0.5))}, p95 ${ms(quantile(oursRead, 0.95))}`,
  );
  if (withPdftotext) {
    const ratio = quantile(ours, 0.5) / quantile(theirs, 0.5);
    out.push(`  pdftotext -layout (process per file): median ${ms(quantile(theirs, 0.5))}, p95 ${ms(quantile(theirs, 0.95))}`);
    out.push(`  ratio of medians, extraction / pdftotext: ${ratio.toFixed(2)}x (target ≤ 2x)`);
  } else {
    out.push('  pdftotext not on PATH: no ratio (Debian: apt-get install poppler-utils)');
  }
  if (misses.length > 0) out.push('', '  Differences from the truth:', ...misses);
  process.stdout.write(`${out.join('\n')}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
