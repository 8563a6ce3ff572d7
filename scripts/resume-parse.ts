/**
 * `npm run resume:parse -- FILE...`: one JSON object per line per file, read through the same
 * `readResume` path as the queue job. Exits non-zero only when every file failed.
 */
import { readFile } from 'node:fs/promises';
import { closeResumeReader, readResume } from '../src/resume/read-resume';

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: npm run resume:parse -- FILE...\n');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (err) {
      failed++;
      const message = err instanceof Error ? err.message : String(err);
      process.stdout.write(`${JSON.stringify({ file, error: 'READ_FAILED', message })}\n`);
      continue;
    }
    const result = await readResume(bytes, { filename: file });
    if (!result.ok) {
      failed++;
      process.stdout.write(`${JSON.stringify({ file, error: result.error.code, message: result.error.userMessage })}\n`);
      continue;
    }
    const { name, email, phone, summary, education, experience } = result.resume;
    process.stdout.write(`${JSON.stringify({ file, name, email, phone, summary, education, experience })}\n`);
  }
  await closeResumeReader();
  return failed === files.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
