import { randomUUID } from 'node:crypto';
import type { FileRef } from '../../src/engine/messages';
import { WebChatError } from './errors';

interface StoredUpload {
  meta: FileRef;
  bytes: Buffer;
  sessionId: string;
  expiresAt: number;
}

/** What one session, and the whole process, may hold and send (issue 16, break 8: an upload flood). */
export interface UploadLimits {
  /** Files one session may have waiting at once. Default 5. */
  filesPerSession: number;
  /** Bytes one session may have waiting at once. Default 30 MB. */
  bytesPerSession: number;
  /** Uploads one session may send per window. Default 20 per 10 minutes. */
  uploadsPerWindow: number;
  windowMs: number;
  /** Bytes the whole process holds at most; past it, uploads wait for the others to be read. Default 200 MB. */
  bytesInAll: number;
  /** How long a file stays once the engine has fetched it (a replay may fetch it again). Default 5 minutes. */
  keepAfterReadMs: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  filesPerSession: 5,
  bytesPerSession: 30 * 1024 * 1024,
  uploadsPerWindow: 20,
  windowMs: 10 * 60_000,
  bytesInAll: 200 * 1024 * 1024,
  keepAfterReadMs: 5 * 60_000,
};

/**
 * Uploaded files, kept in memory until the engine has fetched them (resume extraction runs soon
 * after the upload; a few minutes later they go) or the TTL passes. Bounded per session (files
 * and bytes waiting, uploads per window) and in all, so one session cannot fill the process.
 */
export class UploadStore {
  private readonly uploads = new Map<string, StoredUpload>();
  private readonly recent = new Map<string, number[]>();
  private readonly limits: UploadLimits;

  constructor(private readonly options: { ttlMs: number; now: () => number; limits?: Partial<UploadLimits> }) {
    this.limits = { ...DEFAULT_UPLOAD_LIMITS, ...options.limits };
  }

  /**
   * Throws a WebChatError (429, or 503 when the process is full) when an upload of `bytes` would
   * go past a limit; nothing is kept then. Checked with the declared size before the body is read,
   * and with the real size before it is kept.
   */
  admit(sessionId: string, bytes: number): void {
    this.sweep();
    const now = this.options.now();
    const limits = this.limits;
    const sent = (this.recent.get(sessionId) ?? []).filter((at) => at > now - limits.windowMs);
    this.recent.set(sessionId, sent);
    if (sent.length >= limits.uploadsPerWindow) {
      const retryAfterMs = (sent[0] as number) + limits.windowMs - now;
      throw new WebChatError(
        'RATE_LIMITED',
        `You have sent ${sent.length} files in ${lastMinutes(limits.windowMs)}, the most the web chat takes. ` +
          `Try again in ${minutes(retryAfterMs)}.`,
        { retryAfterMs },
      );
    }
    let files = 0;
    let held = 0;
    let all = 0;
    for (const u of this.uploads.values()) {
      all += u.bytes.length;
      if (u.sessionId !== sessionId) continue;
      files++;
      held += u.bytes.length;
    }
    if (files >= limits.filesPerSession || held + bytes > limits.bytesPerSession)
      throw new WebChatError(
        'RATE_LIMITED',
        `You have ${files} files (${mb(held)} MB) waiting to be read, the most the web chat holds for you. ` +
          'Wait a minute for them to be read, then attach this one again.',
        { retryAfterMs: 60_000 },
      );
    if (all + bytes > limits.bytesInAll)
      throw new WebChatError('BUSY', 'The web chat is taking in many files right now. Attach this one again in a minute.', {
        retryAfterMs: 60_000,
      });
  }

  put(sessionId: string, name: string, contentType: string, bytes: Buffer): FileRef {
    this.admit(sessionId, bytes.length);
    const ref = randomUUID();
    const meta: FileRef = { ref, name, contentType, size: bytes.length };
    const now = this.options.now();
    this.uploads.set(ref, { meta, bytes, sessionId, expiresAt: now + this.options.ttlMs });
    this.recent.get(sessionId)?.push(now);
    return meta;
  }

  /** A file's description, only for the session that uploaded it. */
  lookup(sessionId: string, ref: string): FileRef | undefined {
    this.sweep();
    const upload = this.uploads.get(ref);
    return upload && upload.sessionId === sessionId ? upload.meta : undefined;
  }

  /** The bytes, for the engine; the file goes a few minutes after (it is stored by then, or failed). */
  bytes(ref: string): Buffer | undefined {
    this.sweep();
    const upload = this.uploads.get(ref);
    if (upload) upload.expiresAt = Math.min(upload.expiresAt, this.options.now() + this.limits.keepAfterReadMs);
    return upload?.bytes;
  }

  private sweep(): void {
    const now = this.options.now();
    for (const [ref, u] of this.uploads) if (u.expiresAt <= now) this.uploads.delete(ref);
    for (const [session, sent] of this.recent)
      if (sent.every((at) => at <= now - this.limits.windowMs)) this.recent.delete(session);
  }
}

const minutes = (ms: number) => {
  const n = Math.max(1, Math.ceil(ms / 60_000));
  return n === 1 ? 'a minute' : `${n} minutes`;
};
const lastMinutes = (ms: number) => {
  const n = Math.max(1, Math.round(ms / 60_000));
  return n === 1 ? 'the last minute' : `the last ${n} minutes`;
};
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
