import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack refuses replays older than this; so do we, in both directions (a clock far ahead is as suspect). */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;
export const SIGNATURE_HEADER = 'x-slack-signature';
export const TIMESTAMP_HEADER = 'x-slack-request-timestamp';

export interface SignedRequest {
  signingSecret: string;
  /** X-Slack-Request-Timestamp, unix seconds. */
  timestamp: string | undefined;
  /** X-Slack-Signature, `v0=<hex>`. */
  signature: string | undefined;
  rawBody: Buffer | string;
  nowMs: number;
}

export type VerifyResult = 'ok' | 'missing' | 'stale' | 'mismatch';

/**
 * Slack's v0 request signature (pure): `v0=hex(HMAC_SHA256(secret, "v0:" + ts + ":" + body))`,
 * compared in constant time, with the 5-minute window against replays.
 */
export function verifySlackSignature(req: SignedRequest): VerifyResult {
  const { timestamp, signature } = req;
  if (!timestamp || !signature || !req.signingSecret) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp)) return 'missing';
  if (Math.abs(req.nowMs - Number(timestamp) * 1000) > SIGNATURE_WINDOW_MS) return 'stale';
  const expected = Buffer.from(signSlackBody(req.signingSecret, timestamp, req.rawBody), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  // Lengths differ only for a malformed header; equal lengths are compared in constant time.
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'ok' : 'mismatch';
}

/** The `X-Slack-Signature` value for a body (tests and the benchmark sign with this too). */
export function signSlackBody(signingSecret: string, timestamp: string, rawBody: Buffer | string): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}
