import type { Config } from '../config';
import type { Db } from '../db/database';
import type { ChannelRegistry } from '../engine/channel-registry';
import type { SendLater } from '../engine/context';
import type { JobQueue } from '../jobs';
import type { Logger } from '../logger';
import { createMailer, createMailJob, renderInvitationEmail, type InvitationEmailInput, type Mail, type Mailer } from '../mail';
import type { Services } from '../services';
import { createAtsWebhookJob } from './ats-webhook';
import { createMessageJob } from './message-job';
import { createDigestScheduler, DIGEST_CHECK_INTERVAL_MS, type DigestScheduler } from './digest';
import { createNotifier, type Notifier } from './notifier';
import { createRateLimiter } from './rate-limiter';
import { withNotifications } from './with-notifications';
import type { Metrics } from '../metrics/metrics';

/** How often a worker re-enqueues notifications whose job was lost (Redis restarted without persistence). */
export const SWEEP_INTERVAL_MS = 30_000;

export interface NotificationsDeps {
  config: Pick<Config, 'mail' | 'atsWebhook' | 'publicUrl' | 'processRole'> & Partial<Pick<Config, 'digest'>>;
  db: Db;
  queue: JobQueue;
  logger: Logger;
  services: Services;
  /** The same registry the engine reads; adapters are registered on it by the composition root. */
  channels: ChannelRegistry;
  /** Counts delivery tries by channel and result (GET /metrics). */
  metrics?: Pick<Metrics, 'delivery'>;
  /** Without SMTP, where the whole mail is shown (the embedded demo's console); never in production. */
  showMail?: (mail: Mail) => void;
}

/** The delivery side of the product: everything that leaves the process on its own time. */
export interface Notifications {
  notifier: Notifier;
  /** The daily digest (issue 19); job-running processes check for due digests every few minutes. */
  digests: DigestScheduler;
  mailer: Mailer;
  /** The services with the notification step attached: give these to the engine and the API. */
  services: Services;
  /** Proactive chat messages on the delivery path (the engine's resume results). */
  sendLater: SendLater;
  /**
   * Queues the invitation email (retried on temporary SMTP failures); with no SMTP_URL it is
   * logged. For the engine's `invite` flow, after services.createInvitation.
   */
  sendInvitation(input: InvitationEmailInput): Promise<void>;
  /** Stops the sweeper and closes the SMTP pool (call on shutdown). */
  close(): Promise<void>;
}

/** Registers the delivery, message, mail and ATS jobs on the queue: call before `queue.start()`. */
export function createNotifications(deps: NotificationsDeps): Notifications {
  const { config, logger, queue } = deps;
  const limiter = createRateLimiter();
  const mailer = createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, logger, showMail: deps.showMail });
  const atsJob = config.atsWebhook ? createAtsWebhookJob({ ...config.atsWebhook, logger }) : null;
  const notifier = createNotifier({
    metrics: deps.metrics,
    db: deps.db,
    sql: deps.services.deps.sql,
    queue,
    logger,
    now: deps.services.deps.now,
    publicUrl: config.publicUrl,
    channels: deps.channels,
    mailer,
    atsJob,
    limiter,
  });
  notifier.register();
  const mailJob = createMailJob(mailer, logger);
  queue.register(mailJob);
  const messageJob = createMessageJob({
    channels: deps.channels,
    limiter,
    queue,
    logger,
    markUnreachable: (key) => deps.services.markIdentityUnreachable(key),
  });
  queue.register(messageJob);
  // Only processes that run jobs sweep; the timer is unref'd, so it never holds the process open.
  const stopSweeper = config.processRole !== 'web' ? notifier.startSweeper(SWEEP_INTERVAL_MS) : () => undefined;
  const digests = createDigestScheduler({
    db: deps.db,
    notifier,
    logger,
    now: deps.services.deps.now,
    settings: config.digest,
  });
  const stopDigests = config.processRole !== 'web' ? digests.start(DIGEST_CHECK_INTERVAL_MS) : () => undefined;
  const sendInvitation = (input: InvitationEmailInput) => queue.add(mailJob, renderInvitationEmail(input));
  // The invitee has no language yet: the email speaks the inviter's, who knows whom they invite.
  const services = withNotifications(deps.services, notifier, logger, async (invitation, inviterId) =>
    sendInvitation({
      to: invitation.email,
      url: invitation.url,
      role: invitation.role,
      agencyName: invitation.agencyName,
      inviterName: invitation.inviterName,
      name: invitation.name,
      expiresAt: invitation.expiresAt,
      locale: (await deps.services.getUserLanguage(inviterId)) ?? 'en',
    }),
  );
  return {
    notifier,
    digests,
    mailer,
    services,
    sendLater: (target, messages) =>
      queue.add(messageJob, {
        platform: target.platform,
        address: target.address,
        identity: target.identity,
        messages,
      }),
    sendInvitation,
    async close() {
      stopSweeper();
      stopDigests();
      mailer.close();
    },
  };
}
