/**
 * What one web chat session may have waiting and send (issue 16, break 8: an upload flood). Pure:
 * the service counts what the shared file store holds for the session, this says yes or why not.
 */
export interface UploadQuota {
  /** Files one session may have waiting to be read at once. */
  filesWaiting: number;
  /** Bytes one session may have waiting at once. */
  bytesWaiting: number;
  /** Uploads one session may send per window. */
  uploadsPerWindow: number;
  windowMs: number;
}

export const DEFAULT_UPLOAD_QUOTA: UploadQuota = Object.freeze({
  filesWaiting: 5,
  bytesWaiting: 30 * 1024 * 1024,
  uploadsPerWindow: 20,
  windowMs: 10 * 60_000,
});

/** What a session holds now: its uploads still waiting, and when it sent each upload of the window. */
export interface UploadUsage {
  waitingFiles: number;
  waitingBytes: number;
  /** Times of this session's uploads within the window, oldest first. */
  sentAt: readonly Date[];
}

export type UploadVerdict =
  | { ok: true }
  | { ok: false; reason: 'too-many-sent'; sent: number; retryAfterMs: number }
  | { ok: false; reason: 'too-much-waiting'; files: number; bytes: number; retryAfterMs: number };

/** Whether one more upload of `bytes` fits the quota (checked on Content-Length, before reading it). */
export function admitUpload(quota: UploadQuota, usage: UploadUsage, bytes: number, now: Date): UploadVerdict {
  const since = now.getTime() - quota.windowMs;
  const sent = usage.sentAt.filter((at) => at.getTime() > since);
  if (sent.length >= quota.uploadsPerWindow) {
    const oldest = (sent[0] as Date).getTime();
    return {
      ok: false,
      reason: 'too-many-sent',
      sent: sent.length,
      retryAfterMs: Math.max(1_000, oldest + quota.windowMs - now.getTime()),
    };
  }
  if (usage.waitingFiles >= quota.filesWaiting || usage.waitingBytes + bytes > quota.bytesWaiting)
    return { ok: false, reason: 'too-much-waiting', files: usage.waitingFiles, bytes: usage.waitingBytes, retryAfterMs: 60_000 };
  return { ok: true };
}
