import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RESUME_MAX_BYTES } from '../../../src/resume/errors';
import { closeResumeReader, readResume, type ResumeReadResult } from '../../../src/resume/read-resume';
import { buildDocx, buildImagePdf, buildPdf, buildTextPdf, buildZip } from './build-files';

const ENCRYPTED = path.resolve(__dirname, '../../fixtures/resumes/encrypted.pdf');
const SAMPLE = buildTextPdf([
  'Jane Example',
  'jane@example.org | +44 20 7946 0958',
  'Experience',
  'Acme Ltd',
  [
    [72, 'Software Engineer'],
    [450, 'Jan 2020 - Present'],
  ],
]);

// A page without text goes through OCR, whose engine takes a few seconds to load on a busy machine.
jest.setTimeout(60_000);

afterAll(() => closeResumeReader());

function failure(result: ResumeReadResult): { code: string; userMessage: string } {
  if (result.ok) throw new Error('expected a failure');
  return { code: result.error.code, userMessage: result.error.userMessage };
}

describe('readResume: good input', () => {
  it('reads a PDF: positioned text, a date at the right margin, phone in E.164', async () => {
    const result = await readResume(SAMPLE, { filename: 'cv.pdf' });
    if (!result.ok) throw result.error;
    expect(result.fileType).toBe('pdf');
    expect(result.resume).toMatchObject({
      name: 'Jane Example',
      email: 'jane@example.org',
      phone: '+442079460958',
      experience: [{ company: 'Acme Ltd', title: 'Software Engineer', start: 'Jan 2020', end: 'Present' }],
    });
  });

  it('reads a DOCX in the worker thread (paragraphs in order)', async () => {
    const docx = buildDocx([
      'Jane Example',
      'jane@example.org',
      'Education',
      'University of Somewhere',
      'BSc in Biology, 2014 – 2017',
    ]);
    const result = await readResume(docx, { filename: 'cv.docx' });
    if (!result.ok) throw result.error;
    expect(result.fileType).toBe('docx');
    expect(result.resume.name).toBe('Jane Example');
    expect(result.resume.education).toEqual([
      { school: 'University of Somewhere', degree: 'BSc in Biology', start: '2014', end: '2017' },
    ]);
  });

  it('reads a PDF of phone photos by OCR, page by page, telling of each page as it starts', async () => {
    const jpeg = readFileSync(
      path.resolve(__dirname, '../../../../shared/fixtures/resumes-wide/photo__john_doe-phone-photo.jpg'),
    );
    const pdf = buildImagePdf([{ jpeg, width: 1146, height: 1541 }]);
    const progress: Array<[number, number]> = [];
    const result = await readResume(pdf, {
      filename: 'photos.pdf',
      timeoutMs: 60_000,
      onProgress: (p) => progress.push([p.ocrPage, p.ocrPages]),
    });
    if (!result.ok) throw result.error;
    expect(result).toMatchObject({ fileType: 'pdf', ocr: true, pageCount: 1 });
    expect(progress).toEqual([[1, 1]]);
    // The table around the sheet is cut away and the tilted sheet made square before reading.
    expect(result.resume.name?.toLowerCase()).toBe('john doe');
    expect(result.resume.email).toBe('john.doe@email.com');
    expect(result.resume.experience.map((e) => e.title)).toEqual(['Full Stack Java Developer', 'Software Developer']);
  });

  it('ignores the file name: a PDF named .docx is read as a PDF', async () => {
    const result = await readResume(SAMPLE, { filename: 'resume.docx' });
    expect(result.ok && result.fileType).toBe('pdf');
  });
});

describe('readResume: bad input comes back as a typed error with a user message', () => {
  it('over 10 MB → TOO_LARGE, without looking inside', async () => {
    const big = Buffer.concat([SAMPLE, Buffer.alloc(RESUME_MAX_BYTES)]);
    const { code, userMessage } = failure(await readResume(big));
    expect(code).toBe('TOO_LARGE');
    expect(userMessage).toBe(
      'That file is larger than 10 MB, so I did not read it. The submission will go on without resume details; you can send a smaller PDF or DOCX later.',
    );
  });

  it('random bytes named .pdf → UNSUPPORTED_TYPE', async () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
    const { code, userMessage } = failure(await readResume(random, { filename: 'resume.pdf' }));
    expect(code).toBe('UNSUPPORTED_TYPE');
    expect(userMessage).toBe(
      'That file is not a PDF, a Word (DOCX) document or a picture (JPEG, PNG), so I could not read it. The submission will go on without resume details; you can send the resume as a PDF, DOCX or photo later.',
    );
  });

  it('a truncated PDF → CORRUPT', async () => {
    const { code, userMessage } = failure(await readResume(SAMPLE.subarray(0, Math.floor(SAMPLE.length / 2))));
    expect(code).toBe('CORRUPT');
    expect(userMessage).toBe(
      'That file seems to be damaged, so I could not read it. The submission will go on without resume details; you can export the resume again and send the new copy later.',
    );
  });

  it('a DOCX whose document part is not XML → CORRUPT', async () => {
    const broken = buildZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': 'not xml at all <<<' });
    expect(failure(await readResume(broken)).code).toBe('CORRUPT');
  });

  it('a PDF that only draws a rectangle (a scan has no text either) → NO_TEXT_LAYER', async () => {
    const { code, userMessage } = failure(await readResume(buildPdf('0 0 1 rg 100 100 200 150 re f')));
    expect(code).toBe('NO_TEXT_LAYER');
    expect(userMessage).toBe(
      'That PDF holds only images (probably a scan), so there was no text for me to read. The submission will go on without resume details; you can send a PDF exported from the original document later.',
    );
  });

  it('a password-protected PDF (qpdf --encrypt, AES-256) → ENCRYPTED', async () => {
    const { code, userMessage } = failure(await readResume(readFileSync(ENCRYPTED)));
    expect(code).toBe('ENCRYPTED');
    expect(userMessage).toBe(
      'That PDF is password-protected, so I could not read it. The submission will go on without resume details; you can send an unprotected copy later.',
    );
  });

  it('extraction past the time limit → TIMED_OUT, and the next file is read normally', async () => {
    // A real two-page resume (40-70 ms to extract once warm), not the tiny SAMPLE: a warm worker
    // read that within the 1 ms limit on a fast machine, and the test then found no timeout.
    const slow = readFileSync(path.resolve(__dirname, '../../../../shared/fixtures/resumes/awesomecv__resume.pdf'));
    const { code, userMessage } = failure(await readResume(slow, { timeoutMs: 1 }));
    expect(code).toBe('TIMED_OUT');
    expect(userMessage).toBe(
      'Reading that resume took too long, so I stopped. The submission will go on without resume details; you can send a simpler copy (a PDF exported from the original document) later.',
    );
    const next = await readResume(SAMPLE);
    expect(next.ok && next.resume.name).toBe('Jane Example');
  });

  it('files read concurrently each get their own answer', async () => {
    const results = await Promise.all([readResume(SAMPLE), readResume(Buffer.from('nope')), readResume(SAMPLE)]);
    expect(results.map((r) => (r.ok ? r.resume.email : r.error.code))).toEqual([
      'jane@example.org',
      'UNSUPPORTED_TYPE',
      'jane@example.org',
    ]);
  });
});
