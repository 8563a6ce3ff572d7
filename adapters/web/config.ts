import type { Config } from '../../src/config';
import { DEFAULT_UPLOAD_QUOTA, type UploadQuota } from '../../src/domain/upload-quota';

/** The web chat's settings, derived from the process config once. */
export interface WebChatConfig {
  /** HMAC key for session cookies. */
  sessionSecret: string;
  /**
   * True when no SESSION_SECRET was configured and a random per-process key is used: sessions then
   * end with the process, and two instances would not accept each other's cookies.
   */
  secretIsEphemeral: boolean;
  /** Set the cookie's Secure flag (the public URL is https). */
  secureCookie: boolean;
  /** A session's absolute lifetime (the cookie's too): no activity extends it. Default 30 days. */
  sessionTtlMs: number;
  /** A session unused this long ends (checked server-side on every request). Default 7 days. */
  sessionIdleMs: number;
  /** Largest upload accepted. Default 10 MB (DESIGN §7). */
  maxFileBytes: number;
  /** How long an uploaded file stays usable for the engine to fetch. Default 1 hour. */
  fileTtlMs: number;
  /** Messages kept per session so a reloaded page shows the conversation. Default 200. */
  transcriptLimit: number;
  /** What one session may have waiting and send (src/domain/upload-quota.ts). */
  uploadQuota: UploadQuota;
}

export const WEB_MAX_FILE_BYTES = 10 * 1024 * 1024;
const DAY_MS = 86_400_000;

/** Pure: the random secret is passed in so tests and callers decide where randomness comes from. */
export function toWebChatConfig(config: Pick<Config, 'sessionSecret' | 'publicUrl'>, randomSecret: () => string): WebChatConfig {
  return {
    sessionSecret: config.sessionSecret ?? randomSecret(),
    secretIsEphemeral: config.sessionSecret === undefined,
    secureCookie: config.publicUrl.startsWith('https:'),
    sessionTtlMs: 30 * DAY_MS,
    sessionIdleMs: 7 * DAY_MS,
    maxFileBytes: WEB_MAX_FILE_BYTES,
    fileTtlMs: 60 * 60_000,
    transcriptLimit: 200,
    uploadQuota: DEFAULT_UPLOAD_QUOTA,
  };
}
