import { admitUpload, type UploadQuota } from '../../../src/domain/upload-quota';

/** Issue 16 (break 8): what one web chat session may have waiting and send. */
const MB = 1024 * 1024;
const quota: UploadQuota = { filesWaiting: 3, bytesWaiting: 10 * MB, uploadsPerWindow: 5, windowMs: 60_000 };
const now = new Date('2026-11-29T12:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

test('a session with room waiting and few uploads lately may upload', () => {
  expect(admitUpload(quota, { waitingFiles: 2, waitingBytes: 2 * MB, sentAt: [ago(5_000)] }, 1 * MB, now)).toEqual({ ok: true });
});

test('so many files waiting: the next is refused until one is read', () => {
  expect(admitUpload(quota, { waitingFiles: 3, waitingBytes: 3 * MB, sentAt: [] }, 1, now)).toEqual({
    ok: false,
    reason: 'too-much-waiting',
    files: 3,
    bytes: 3 * MB,
    retryAfterMs: 60_000,
  });
});

test('so many bytes waiting: a file that would go past them is refused, a smaller one fits', () => {
  const usage = { waitingFiles: 1, waitingBytes: 8 * MB, sentAt: [] };
  expect(admitUpload(quota, usage, 3 * MB, now)).toMatchObject({ ok: false, reason: 'too-much-waiting' });
  expect(admitUpload(quota, usage, 2 * MB, now)).toEqual({ ok: true });
});

test('so many uploads in the window: refused until the oldest of them leaves it', () => {
  const sentAt = [ago(50_000), ago(40_000), ago(30_000), ago(20_000), ago(10_000)];
  expect(admitUpload(quota, { waitingFiles: 0, waitingBytes: 0, sentAt }, 100, now)).toEqual({
    ok: false,
    reason: 'too-many-sent',
    sent: 5,
    retryAfterMs: 10_000,
  });
  // Uploads older than the window do not count.
  expect(admitUpload(quota, { waitingFiles: 0, waitingBytes: 0, sentAt: [ago(70_000), ...sentAt.slice(1)] }, 100, now)).toEqual({
    ok: true,
  });
});
