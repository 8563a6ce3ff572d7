import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { defineJob, PermanentJobError, RetryAfterError, type JobDefinition } from '../jobs';
import type { Logger } from '../logger';

export const ATS_JOB_NAME = 'ats.webhook';
/**
 * `candidate.already_in_system`: an agency submitted someone the ATS registered first (POST
 * /candidates); the employer hears which agency and which of its records, the agency nothing.
 */
export const ATS_EVENTS = ['comment.created', 'candidate.submitted', 'candidate.already_in_system'] as const;

export const atsJobSchema = z.object({
  /** Unique per event; sent as `X-Endorse-Delivery` so the ATS can drop a retried repeat. */
  deliveryId: z.string().min(1),
  event: z.enum(ATS_EVENTS),
  occurredAt: z.string(),
  data: z.record(z.string(), z.json()),
});
export type AtsJobData = z.infer<typeof atsJobSchema>;

export const ATS_SIGNATURE_HEADER = 'x-endorse-signature';
/** A signature older than this is refused by `verifyAtsSignature` (replays). */
export const ATS_SIGNATURE_TOLERANCE_MS = 5 * 60_000;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp is signed with the body. */
export function signAtsBody(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** For the receiving side (and our tests): constant-time check of signature and age. */
export function verifyAtsSignature(secret: string, header: string, body: string, now: Date): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const t = Number(match[1]);
  if (Math.abs(now.getTime() - t * 1000) > ATS_SIGNATURE_TOLERANCE_MS) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(match[2] ?? '');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface AtsWebhookOptions {
  url: string;
  secret: string;
  logger: Logger;
  fetch?: typeof fetch;
  now?: () => Date;
  attempts?: number;
  backoffMs?: number;
}

/**
 * POSTs agency comments and new candidates to the employer's ATS (`ATS_WEBHOOK_URL`). 429 honours
 * Retry-After, 5xx and network errors back off, other 4xx stop (the ATS refused this body).
 */
export function createAtsWebhookJob(options: AtsWebhookOptions): JobDefinition<typeof atsJobSchema> {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  return defineJob({
    name: ATS_JOB_NAME,
    schema: atsJobSchema,
    attempts: options.attempts ?? 8,
    backoffMs: options.backoffMs ?? 2000,
    timeoutMs: 20_000,
    async handler(data, context) {
      const body = JSON.stringify({ id: data.deliveryId, type: data.event, occurredAt: data.occurredAt, data: data.data });
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [ATS_SIGNATURE_HEADER]: signAtsBody(options.secret, body, now()),
          'x-endorse-event': data.event,
          'x-endorse-delivery': data.deliveryId,
        },
        body,
        signal: AbortSignal.timeout(15_000),
      });
      await response.body?.cancel();
      const ids = { job: ATS_JOB_NAME, deliveryId: data.deliveryId, status: response.status, attempt: context.attempt };
      if (response.ok) return void options.logger.info(ids, 'ats webhook delivered');
      options.logger.warn(ids, 'ats webhook refused');
      if (response.status === 429) throw new RetryAfterError(retryAfterMs(response.headers.get('retry-after')));
      if (response.status >= 500 || response.status === 408) throw new Error(`ATS answered ${response.status}`);
      throw new PermanentJobError(`ATS answered ${response.status}`);
    },
    async onFailed(data, error) {
      options.logger.error({ job: ATS_JOB_NAME, deliveryId: data.deliveryId, err: error.message }, 'ats webhook failed for good');
    },
  });
}

/** Retry-After is seconds or an HTTP date; absent or unreadable → 1 s. */
export function retryAfterMs(header: string | null): number {
  if (!header) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - Date.now());
}

export const newAtsDeliveryId = (): string => randomUUID();
