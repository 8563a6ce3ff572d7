import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { closeResumeReader, readResume } from '../../../src/resume/read-resume';

// Public resumes nobody on the project wrote, with hand-checked truth (see fixtures/README.md).
const DIR = path.resolve(__dirname, '../../../../shared/fixtures/resumes');
const manifest = z
  .array(z.object({ file: z.string(), truth: z.object({ name: z.string(), email: z.string() }) }))
  .parse(JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8')));

const fold = (s: string | null): string => (s ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

afterAll(() => closeResumeReader());

describe('real resume PDFs', () => {
  it.each(manifest.map((m) => [m.file, m.truth] as const))('%s: name and email are found', async (file, truth) => {
    const result = await readResume(readFileSync(path.join(DIR, file)), { filename: file });
    if (!result.ok) throw result.error;
    expect(fold(result.resume.name)).toBe(fold(truth.name));
    expect(fold(result.resume.email)).toBe(fold(truth.email));
  });
});
