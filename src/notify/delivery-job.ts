import { z } from 'zod';
import type { Db } from '../db/database';
import type { SqlQuery } from '../db/sql-runner';
import { ChannelError } from '../engine/channel';
import { outboundMessageSchema } from '../engine/messages';
import { defineJob, PermanentJobError, RetryAfterError, type JobDefinition } from '../jobs';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics/metrics';
import { PermanentMailError, type Mailer } from '../mail/mailer';
import { platformSchema } from '../domain/platforms';
import type { ChannelRegistry } from '../engine/channel-registry';
import type { RateLimiter } from './rate-limiter';
import { renderStoredNotification, renderStoredNotificationEmail, type NotificationKindName } from './render';
import { digestContentSchema } from '../services/digests';
import { renderDigest, renderDigestEmail } from './digest-render';
import type { OutboundMessageInput } from '../engine/messages';
import type { ReplyControl } from '../engine/channel';

export const DELIVERY_JOB_NAME = 'notify.deliver';
export const deliveryJobSchema = z.object({
  notificationId: z.string().min(1),
  /** The row's `retryRound` this job serves (0: the first round of quick tries). */
  round: z.number().int().min(0).default(0),
});

/**
 * Bull and the inline queue both dedupe on this id, so a re-enqueue after a Redis loss adds one
 * job; each round has its own, since a finished job's id stays taken in Redis for a while.
 */
export const deliveryJobId = (notificationId: string, round = 0): string =>
  round === 0 ? `notify-${notificationId}` : `notify-${notificationId}-r${round}`;

/**
 * The long horizon (issue 16): when a round of quick tries fails (a platform down for minutes),
 * the row waits this long before the next round, then FAILED for good after the last: 1 min,
 * 5 min, 30 min, 2 h, 6 h — a delivery keeps trying for about 8.6 hours.
 */
export const LONG_RETRY_DELAYS_MS: readonly number[] = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000];

export interface DeliveryDeps {
  db: Db;
  /** The driver under `db`: every delivery's claim and record run on it. */
  sql: SqlQuery;
  channels: ChannelRegistry;
  mailer: Mailer;
  limiter: RateLimiter;
  logger: Logger;
  now: () => Date;
  publicUrl: string;
  /** Total tries per notification. Default 6 (about 30 s of backoff from 1 s). */
  attempts?: number;
  backoffMs?: number;
  /** How long a worker holds a row while sending; a copy of the job meanwhile leaves it alone. */
  leaseMs?: number;
  /** Deliveries in flight per process; they mostly wait on the platform's API. Default 32. */
  concurrency?: number;
  /** Waits between rounds of tries; default {@link LONG_RETRY_DELAYS_MS}. `[]`: FAILED after one round. */
  retryDelaysMs?: readonly number[];
  /**
   * Enqueues the next round, due after `delayMs`. Without it (or when the queue is down) the
   * sweeper starts the round once `retryAt` has passed.
   */
  scheduleRound?: (notificationId: string, round: number, delayMs: number) => Promise<void>;
  /** Counts delivery tries by channel and result (GET /metrics). */
  metrics?: Pick<Metrics, 'delivery'>;
}

/** The outcome of one try, as the attempt record states it. */
type TryResult = { ok: true; messageRef: string } | { ok: false; code: string; message: string; error: Error };

/**
 * Sends one Notification row through its channel and records the attempt. Retries follow the
 * channel's error: RATE_LIMITED waits its Retry-After, FORBIDDEN / NOT_FOUND (blocked bot, gone chat)
 * mark the identity unreachable and stop, anything else backs off. After the last try `onFailed`
 * marks the row FAILED, so nothing is dropped silently.
 */
export function createDeliveryJob(deps: DeliveryDeps): JobDefinition<typeof deliveryJobSchema> {
  const leaseMs = deps.leaseMs ?? 60_000;
  return defineJob({
    name: DELIVERY_JOB_NAME,
    schema: deliveryJobSchema,
    attempts: deps.attempts ?? 6,
    backoffMs: deps.backoffMs ?? 1000,
    timeoutMs: 45_000,
    concurrency: deps.concurrency ?? 32,
    async handler({ notificationId }) {
      const n = await claim(deps, notificationId, leaseMs);
      // Already sent, failed, or being sent by another copy of this job: nothing to do here.
      if (!n) return;
      const started = performance.now();
      const result = await tryOnce(deps, n);
      const durationMs = Math.round(performance.now() - started);
      deps.metrics?.delivery(n.channel, result.ok ? 'sent' : result.code);
      const ids = { notificationId, channel: n.channel, attempt: n.attempts, ms: durationMs };
      const at = deps.now().toISOString();
      if (result.ok) {
        // The engine routes a reply to this message by platformMessageId (see findCandidateRefByMessage).
        // The attempt and the row's new state in one statement: this runs for every message sent.
        await deps.sql.query(RECORD_SENT, [notificationId, n.attempts, durationMs, at, result.messageRef]);
        deps.logger.info(ids, 'notification delivered');
        return;
      }
      await deps.sql.query(RECORD_FAILED_ATTEMPT, [
        notificationId,
        n.attempts,
        durationMs,
        at,
        result.code,
        result.message.slice(0, 500),
        // A gone chat keeps its lease until it is marked UNREACHABLE just below: no copy sends meanwhile.
        !(result.code === 'FORBIDDEN' || result.code === 'NOT_FOUND'),
      ]);
      deps.logger.warn({ ...ids, code: result.code }, 'notification attempt failed');
      if (result.code === 'FORBIDDEN' || result.code === 'NOT_FOUND') {
        await deps.db.$transaction([
          deps.db.notification.update({
            where: { id: notificationId },
            data: { status: 'UNREACHABLE', lastError: result.message, lockedUntil: null, failedAt: deps.now() },
          }),
          ...(n.chatIdentityId
            ? [deps.db.chatIdentity.update({ where: { id: n.chatIdentityId }, data: { unreachableAt: deps.now() } })]
            : []),
        ]);
        throw new PermanentJobError(`${result.code}: ${result.message}`);
      }
      if (result.code === 'RATE_LIMITED' && result.error instanceof ChannelError) {
        const wait = result.error.options.retryAfterMs ?? 1000;
        deps.limiter.pause(n.channel, n.chatIdentityId ?? n.id, wait);
        throw new RetryAfterError(wait);
      }
      if (result.code === 'INVALID' || result.code === 'PERMANENT')
        throw new PermanentJobError(`${result.code}: ${result.message}`);
      throw result.error;
    },
    async onFailed({ notificationId, round }, error) {
      const delays = deps.retryDelaysMs ?? LONG_RETRY_DELAYS_MS;
      const delayMs = delays[round];
      const lastError = error.message.slice(0, 500);
      if (!(error instanceof PermanentJobError) && delayMs !== undefined) {
        // Only this round's job moves the row on: a duplicate of it finds the round already changed.
        const moved = await deps.db.notification.updateMany({
          where: { id: notificationId, status: 'PENDING', retryRound: round },
          data: { retryRound: round + 1, retryAt: new Date(deps.now().getTime() + delayMs), lastError, lockedUntil: null },
        });
        if (moved.count === 0) return;
        deps.logger.warn({ notificationId, round: round + 1, delayMs }, 'notification: round of tries failed; next round later');
        await deps.scheduleRound?.(notificationId, round + 1, delayMs);
        return;
      }
      // UNREACHABLE rows keep their status; anything still pending is now a failure to list.
      await deps.db.notification.updateMany({
        where: { id: notificationId, status: 'PENDING' },
        data: { status: 'FAILED', failedAt: deps.now(), lastError, lockedUntil: null, retryAt: null },
      });
      deps.logger.error({ notificationId, err: error.message }, 'notification failed after the last try');
    },
  });
}

interface LoadedNotification {
  id: string;
  kind: NotificationKindName | 'DIGEST';
  channel: string;
  payload: unknown;
  attempts: number;
  chatIdentityId: string | null;
  /** Null when the row goes by email, or the identity has no stored address yet. */
  address: unknown;
  email: string;
  userStatus: string;
  /** The recipient's `User.language`: proactive messages speak it. */
  language: string | null;
}

/** A sent message: its attempt ($2, $3 ms, at $4) and the row SENT with the platform's id of the message ($5). */
const RECORD_SENT = `
  WITH attempt AS (
    INSERT INTO "DeliveryAttempt" ("id", "notificationId", "attempt", "ok", "durationMs", "at")
    VALUES (gen_random_uuid()::text, $1, $2, true, $3, $4::timestamp)
  )
  UPDATE "Notification"
  SET "status" = 'SENT', "sentAt" = $4::timestamp, "platformMessageId" = $5, "lockedUntil" = NULL, "lastError" = NULL, "retryAt" = NULL
  WHERE "id" = $1`;

/** A failed try: its attempt (code $5, error $6) and, when $7, the row let go with the error, for the next try. */
const RECORD_FAILED_ATTEMPT = `
  WITH attempt AS (
    INSERT INTO "DeliveryAttempt" ("id", "notificationId", "attempt", "ok", "errorCode", "error", "durationMs", "at")
    VALUES (gen_random_uuid()::text, $1, $2, false, $5, $6, $3, $4::timestamp)
  )
  UPDATE "Notification" SET "lastError" = $6, "lockedUntil" = NULL WHERE "id" = $1 AND $7::boolean`;

/**
 * Takes the lease on a PENDING row (counting the attempt) and reads what sending needs, in one
 * statement on the driver: this runs for every message, and one round trip instead of two keeps it cheap.
 * Its commit is asynchronous (no wait for the WAL flush): a lease a crash of the database server
 * forgets was taken by a worker that sent nothing yet or whose record (RECORD_SENT, synchronous)
 * never committed either; the row is tried again, as after any crash mid-send.
 */
const CLAIM_NOTIFICATION = `
  WITH claimed AS (
    UPDATE "Notification" SET "lockedUntil" = $2::timestamp, "attempts" = "attempts" + 1, "retryAt" = NULL
    WHERE "id" = $1 AND "status" = 'PENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" < $3::timestamp)
    RETURNING "id", "kind", "channel", "payload", "attempts", "chatIdentityId", "recipientId"
  )
  SELECT c."id", c."kind"::text AS "kind", c."channel", c."payload", c."attempts", c."chatIdentityId",
         ci."address", u."email", u."status"::text AS "userStatus", u."language"
  FROM claimed c
  CROSS JOIN (SELECT set_config('synchronous_commit', 'off', true)) AS async
  JOIN "User" u ON u."id" = c."recipientId"
  LEFT JOIN "ChatIdentity" ci ON ci."id" = c."chatIdentityId"`;

async function claim(deps: DeliveryDeps, notificationId: string, leaseMs: number): Promise<LoadedNotification | null> {
  const now = deps.now();
  const rows = await deps.sql.query<LoadedNotification & Record<string, unknown>>(CLAIM_NOTIFICATION, [
    notificationId,
    new Date(now.getTime() + leaseMs).toISOString(),
    now.toISOString(),
  ]);
  const row = rows[0];
  return row ? { ...row, attempts: Number(row.attempts) } : null;
}

async function tryOnce(deps: DeliveryDeps, n: LoadedNotification): Promise<TryResult> {
  const fail = (code: string, message: string, error: Error = new Error(message)): TryResult => ({
    ok: false,
    code,
    message,
    error,
  });
  const rendering = renderingOf(n);
  if (!rendering) return fail('INVALID', 'stored payload does not parse');
  if (n.userStatus === 'DISABLED') return fail('PERMANENT', 'the recipient is disabled');
  const locale = n.language ?? 'en';
  try {
    if (n.channel === 'EMAIL') {
      const mail = rendering.email(deps.publicUrl, locale);
      if (!mail) return fail('INVALID', 'stored payload does not parse');
      await deps.limiter.acquire('EMAIL', n.id);
      const sent = await deps.mailer.send({ to: n.email, ...mail });
      return { ok: true, messageRef: sent.messageId };
    }
    const platform = platformSchema.safeParse(n.channel);
    if (!platform.success || !n.chatIdentityId) return fail('NOT_FOUND', 'the chat identity is gone');
    if (n.address === null || n.address === undefined)
      return fail('NOT_FOUND', 'no conversation address stored for this identity yet');
    const replies = deps.channels.get(platform.data)?.capabilities.replies;
    const rendered = rendering.chat(replies, locale);
    if (!rendered) return fail('INVALID', 'stored payload does not parse');
    const message = outboundMessageSchema.parse(rendered);
    await deps.limiter.acquire(n.channel, n.chatIdentityId ?? n.id);
    const sent = await deps.channels.sendStored(platform.data, n.address, message);
    return { ok: true, messageRef: sent.messageRef };
  } catch (error) {
    const err = error as Error;
    if (error instanceof ChannelError) return fail(error.code, err.message, err);
    if (error instanceof PermanentMailError) return fail('PERMANENT', err.message, err);
    return fail(n.channel === 'EMAIL' ? 'SMTP' : 'INTERNAL', err.message, err);
  }
}

/**
 * How a stored row is said, in chat and by email: a candidate event, a dispute's, or the daily
 * digest. Null where the stored payload does not parse for its kind.
 */
interface Rendering {
  chat(replies: ReplyControl | undefined, locale: string): OutboundMessageInput | null;
  email(publicUrl: string, locale: string): { subject: string; text: string } | null;
}

/** Null when the stored payload does not parse for its kind (then the row fails, INVALID). */
function renderingOf(n: LoadedNotification): Rendering | null {
  if (n.kind === 'DIGEST') {
    const digest = digestContentSchema.safeParse(n.payload);
    if (!digest.success) return null;
    return {
      chat: (_replies, locale) => renderDigest(digest.data, locale),
      email: (publicUrl, locale) => renderDigestEmail(digest.data, publicUrl, locale),
    };
  }
  const kind = n.kind;
  return {
    chat: (replies, locale) => renderStoredNotification(kind, n.payload, replies, locale),
    email: (publicUrl, locale) => renderStoredNotificationEmail(kind, n.payload, publicUrl, locale),
  };
}
