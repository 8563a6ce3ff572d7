import { UploadStore } from '../../../../adapters/web/files';
import { WebChatError } from '../../../../adapters/web/errors';

/** Issue 16 (break 8): what one web chat session, and the process, may hold and send. */
const MB = 1024 * 1024;
let now = 1_000_000;
const store = () =>
  new UploadStore({
    ttlMs: 60 * 60_000,
    now: () => now,
    limits: {
      filesPerSession: 3,
      bytesPerSession: 10 * MB,
      uploadsPerWindow: 5,
      windowMs: 60_000,
      bytesInAll: 25 * MB,
      keepAfterReadMs: 1_000,
    },
  });
const file = (mb: number) => Buffer.alloc(Math.round(mb * MB));

function refusal(run: () => unknown): WebChatError {
  try {
    run();
  } catch (error) {
    if (error instanceof WebChatError) return error;
    throw error;
  }
  throw new Error('not refused');
}

test('a session holds at most so many files and bytes waiting; the next is refused with 429 and kept nowhere', () => {
  const uploads = store();
  for (let i = 0; i < 3; i++) uploads.put('s1', `f${i}.pdf`, 'application/pdf', file(1));
  const tooMany = refusal(() => uploads.put('s1', 'f3.pdf', 'application/pdf', file(1)));
  expect(tooMany.status).toBe(429);
  expect(tooMany.message).toMatch(/You have 3 files \(3 MB\) waiting to be read.*Wait a minute/);
  expect(tooMany.retryAfterMs).toBe(60_000);

  const other = store();
  other.put('s2', 'big.pdf', 'application/pdf', file(8));
  expect(refusal(() => other.admit('s2', 3 * MB)).status).toBe(429);
  // Another session is not held back by this one.
  expect(() => other.put('s3', 'ok.pdf', 'application/pdf', file(3))).not.toThrow();
});

test('a file the engine has read goes soon after, and frees its place', () => {
  const uploads = store();
  const refs = [0, 1, 2].map((i) => uploads.put('s1', `f${i}.pdf`, 'application/pdf', file(1)).ref);
  expect(uploads.bytes(refs[0] as string)).toBeDefined();
  now += 1_001;
  expect(uploads.bytes(refs[0] as string)).toBeUndefined();
  expect(() => uploads.put('s1', 'next.pdf', 'application/pdf', file(1))).not.toThrow();
});

test('a session sends at most so many uploads per window, told when to try again', () => {
  const uploads = store();
  for (let i = 0; i < 5; i++) {
    const { ref } = uploads.put('s1', `f${i}.pdf`, 'application/pdf', file(0.1));
    uploads.bytes(ref);
    now += 2_000;
  }
  const limited = refusal(() => uploads.admit('s1', 100));
  expect(limited.status).toBe(429);
  expect(limited.message).toMatch(/You have sent 5 files in the last minute, .*Try again in a minute\./);
  expect(limited.retryAfterMs).toBe(50_000);
  now += 50_000;
  expect(() => uploads.admit('s1', 100)).not.toThrow();
});

test('the process holds at most so many bytes in all: past it, 503 for everyone until files are read', () => {
  const uploads = store();
  for (const s of ['a', 'b', 'c']) uploads.put(s, 'f.pdf', 'application/pdf', file(8));
  const busy = refusal(() => uploads.admit('d', 2 * MB));
  expect(busy.status).toBe(503);
  expect(busy.message).toMatch(/Attach this one again in a minute/);
});
