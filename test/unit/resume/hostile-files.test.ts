import { createExtractor } from '../../../src/resume/extractor';
import { closeResumeReader, createResumeReader, type ResumeReadResult } from '../../../src/resume/read-resume';
import { buildDocx, buildDocxBomb } from './build-files';

// Every file is read in a worker thread under hard limits (issue 16): a hostile file costs the
// worker at most its limits, the server nothing, and the user always gets an answer.

const GOOD = buildDocx(['Jane Example', 'jane@example.org', 'Education', 'University of Somewhere', 'BSc in Biology, 2014 – 2017']);
const MB = 1024 * 1024;

// Deflating 600 MB takes a few seconds on a shared machine.
jest.setTimeout(60_000);

afterAll(() => closeResumeReader());

function code(result: ResumeReadResult): string {
  return result.ok ? 'ok' : result.error.code;
}

describe('a DOCX zip bomb', () => {
  const extractor = createExtractor();
  const reader = createResumeReader({ extractor });
  afterAll(() => reader.close());

  it.each(['honest', 'lying'] as const)(
    'of 600 MB (headers %s about the size) is refused with a message, and the same worker reads the next file',
    async (declare) => {
      const bomb = await buildDocxBomb(600, declare);
      expect(bomb.length).toBeLessThan(2 * MB);
      await reader.read(GOOD);
      const thread = extractor.threadId;
      const rssBefore = process.memoryUsage().rss;

      const result = await reader.read(bomb, { filename: 'cv.docx' });

      expect(code(result)).toBe('UNPACKED_TOO_LARGE');
      expect(!result.ok && result.error.userMessage).toBe(
        'That file unpacks to far more than a resume could hold, so I did not read it. The submission will go on without resume details; you can send the resume as a PDF later.',
      );
      // The server's own memory did not take the bomb (the worker inflates at most 32 MB).
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * MB);
      const next = await reader.read(GOOD);
      expect(next.ok && next.resume.email).toBe('jane@example.org');
      expect(extractor.threadId).toBe(thread);
    },
  );

  it('that exhausts the worker heap (half a million tiny paragraphs): the worker dies, the user gets CORRUPT, a new worker reads the next file', async () => {
    const fragile = createExtractor({ limits: { workerHeapMb: 24, maxItems: 10_000_000 } });
    const small = createResumeReader({ extractor: fragile });
    try {
      await small.read(GOOD);
      const thread = fragile.threadId;
      const tiny = await buildDocxBomb(20, 'honest', 'a');
      const result = await small.read(tiny);
      expect(code(result)).toBe('CORRUPT');
      expect(fragile.threadId).toBeNull();
      const next = await small.read(GOOD);
      expect(next.ok && next.resume.name).toBe('Jane Example');
      expect(fragile.threadId).not.toBe(thread);
    } finally {
      await small.close();
    }
  });
});
