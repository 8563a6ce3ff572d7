import { randomUUID } from 'node:crypto';
import type { FileRef } from '../../src/engine/messages';

interface StoredUpload {
  meta: FileRef;
  bytes: Buffer;
  sessionId: string;
  expiresAt: number;
}

/**
 * Uploaded files, kept in memory until the engine has fetched them (resume extraction runs soon
 * after the upload) or the TTL passes. Bounded by the TTL and the 10 MB per-file limit.
 */
export class UploadStore {
  private readonly uploads = new Map<string, StoredUpload>();

  constructor(private readonly options: { ttlMs: number; now: () => number }) {}

  put(sessionId: string, name: string, contentType: string, bytes: Buffer): FileRef {
    this.sweep();
    const ref = randomUUID();
    const meta: FileRef = { ref, name, contentType, size: bytes.length };
    this.uploads.set(ref, { meta, bytes, sessionId, expiresAt: this.options.now() + this.options.ttlMs });
    return meta;
  }

  /** A file's description, only for the session that uploaded it. */
  lookup(sessionId: string, ref: string): FileRef | undefined {
    this.sweep();
    const upload = this.uploads.get(ref);
    return upload && upload.sessionId === sessionId ? upload.meta : undefined;
  }

  bytes(ref: string): Buffer | undefined {
    this.sweep();
    return this.uploads.get(ref)?.bytes;
  }

  private sweep(): void {
    const now = this.options.now();
    for (const [ref, u] of this.uploads) if (u.expiresAt <= now) this.uploads.delete(ref);
  }
}
