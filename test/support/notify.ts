import { createQueue, type JobQueue } from '../../src/jobs';
import { createLogger } from '../../src/logger';
import type { Mailer } from '../../src/mail/mailer';
import {
  createAtsWebhookJob,
  createChannelRegistry,
  createNotifier,
  createRateLimiter,
  withNotifications,
  type Notifier,
} from '../../src/notify';
import { createServices, type Services } from '../../src/services';
import type { PlatformName } from '../../src/domain/platforms';
import { createRecordingChannel, createRecordingMailer, type RecordingChannel } from './recording-channel';
import { unique, type TestEnv } from './services';

export interface NotifyEnv {
  queue: JobQueue;
  notifier: Notifier;
  /** The services with the notification step attached (what the API and engine hold). */
  services: Services;
  web: RecordingChannel;
  telegram: RecordingChannel;
  mailer: ReturnType<typeof createRecordingMailer>;
  close(): Promise<void>;
}

export interface NotifyEnvOptions {
  redisUrl?: string;
  attempts?: number;
  backoffMs?: number;
  mailer?: Mailer;
  latencyMs?: number;
  sweepAfterMs?: number;
  /** Waits between rounds of tries; default none (FAILED after one round; the long horizon has its own test). */
  retryDelaysMs?: number[];
  /** Sends agency comments and new candidates to this fake ATS. */
  ats?: { url: string; secret: string };
}

/** The notification pipeline on a queue (inline unless `redisUrl`), with two recording channels. */
export async function openNotifyEnv(env: TestEnv, options: NotifyEnvOptions = {}): Promise<NotifyEnv> {
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const queue = createQueue({ redisUrl: options.redisUrl, logger, prefix: unique('test-notify') });
  const web = createRecordingChannel('WEB', { latencyMs: options.latencyMs, replies: 'button' });
  const telegram = createRecordingChannel('TELEGRAM', { latencyMs: options.latencyMs, replies: 'reply' });
  const mailer = createRecordingMailer();
  const notifier = createNotifier({
    db: env.deps.db,
    sql: env.deps.sql,
    queue,
    logger,
    now: () => new Date(),
    publicUrl: env.deps.publicUrl,
    channels: createChannelRegistry([web, telegram]),
    mailer: options.mailer ?? mailer,
    // Test chats are many and fast; the limiter itself is unit-sized and tested on its own.
    limiter: createRateLimiter({ limits: {} }),
    delivery: {
      attempts: options.attempts ?? 3,
      backoffMs: options.backoffMs ?? 20,
      leaseMs: 5_000,
      retryDelaysMs: options.retryDelaysMs ?? [],
    },
    sweepAfterMs: options.sweepAfterMs,
    atsJob: options.ats ? createAtsWebhookJob({ ...options.ats, logger, attempts: 4, backoffMs: 20 }) : null,
  });
  notifier.register();
  await queue.start();
  return {
    queue,
    notifier,
    // Bare services underneath: env.services marks its outbox events relayed (fixtures), these relay them.
    services: withNotifications(createServices(env.deps), notifier, logger),
    web,
    telegram,
    mailer,
    close: () => queue.close(),
  };
}

/** Links a chat identity to a user directly (the invitation flow has its own tests). */
export async function linkChat(env: TestEnv, userId: string, platform: PlatformName): Promise<string> {
  const platformUserId = unique(platform.toLowerCase());
  const row = await env.deps.db.chatIdentity.create({
    data: { userId, platform, platformUserId, address: { chat: platformUserId } },
    select: { id: true },
  });
  return row.id;
}

/** Submits a fresh candidate as `userId` (plain services: no notification for the submission). */
export async function submitCandidate(env: TestEnv, userId: string, campaignId: string): Promise<number> {
  const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
  const result = await env.services.submitCandidate(userId, {
    firstName: 'Maria',
    lastName: unique('Santos'),
    phone: `+63918${digits}`,
    email: `${unique('maria')}@example.com`,
    campaignId,
    channel: 'WEB',
  });
  if (result.outcome !== 'ADDED') throw new Error(`expected ADDED, got ${result.outcome}`);
  return result.candidateRef;
}
