import type { Core } from '../app';
import type { Engine } from '../engine';
import type { Mount } from '../http/app';
import { mountApi } from '../http/api';
import { mountQueueBoard } from '../http/queue-board';
import { createMailer, createMailJob, renderInvitationEmail, type InvitationEmailInput, type Mailer } from '../mail';
import type { Services } from '../services';
import { createAtsWebhookJob } from './ats-webhook';
import { createChannelRegistry, type ChannelRegistry } from './channel-registry';
import { createNotifier, type Notifier } from './notifier';
import { withNotifications } from './with-notifications';

/** How often a worker re-enqueues notifications whose job was lost (Redis restarted without persistence). */
export const SWEEP_INTERVAL_MS = 30_000;

/** The recruiter side of the product, built once per process from the core (see product.ts). */
export interface Notifications {
  channels: ChannelRegistry;
  notifier: Notifier;
  mailer: Mailer;
  /** The services with the notification step attached: give these to the engine and the API. */
  services: Services;
  /** The engine, with every adapter registered on it also registered for notifications. */
  withChannels(engine: Engine): Engine;
  /**
   * Queues the invitation email (retried on temporary SMTP failures); with no SMTP_URL it is
   * logged. For the engine's `invite` flow, after services.createInvitation.
   */
  sendInvitation(input: InvitationEmailInput): Promise<void>;
  /** The REST API under /api/v1, and /admin/queues when Redis and its credentials are configured. */
  mount: Mount;
  /** Stops the sweeper and closes the SMTP pool and the dashboard's Redis connection (call on shutdown). */
  close(): Promise<void>;
}

export function createNotifications(core: Core): Notifications {
  const { config, logger, queue } = core;
  const channels = createChannelRegistry();
  const mailer = createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, logger });
  const atsJob = config.atsWebhook ? createAtsWebhookJob({ ...config.atsWebhook, logger }) : null;
  const notifier = createNotifier({
    db: core.database.prisma,
    queue,
    logger,
    now: core.services.deps.now,
    publicUrl: config.publicUrl,
    channels,
    mailer,
    atsJob,
  });
  notifier.register();
  const mailJob = createMailJob(mailer, logger);
  queue.register(mailJob);
  // Only processes that run jobs sweep; the timer is unref'd, so it never holds the process open.
  const stopSweeper = config.processRole !== 'web' ? notifier.startSweeper(SWEEP_INTERVAL_MS) : () => undefined;
  const sendInvitation = (input: InvitationEmailInput) => queue.add(mailJob, renderInvitationEmail(input));
  const services = withNotifications(core.services, notifier, logger, (invitation) =>
    sendInvitation({ to: invitation.email, url: invitation.url, role: invitation.role, expiresAt: invitation.expiresAt }),
  );

  const board =
    config.redisUrl && config.queueBoard ? mountQueueBoard({ redisUrl: config.redisUrl, ...config.queueBoard, logger }) : null;
  if (config.redisUrl && !config.queueBoard)
    logger.info('queue dashboard off: set BULL_BOARD_USER and BULL_BOARD_PASSWORD to serve /admin/queues');

  return {
    channels,
    notifier,
    mailer,
    services,
    withChannels: (engine) => ({
      ...engine,
      registerChannel(adapter) {
        engine.registerChannel(adapter);
        channels.register(adapter);
      },
    }),
    sendInvitation,
    mount: (app) => {
      mountApi({ services, logger, publicUrl: config.publicUrl })(app);
      board?.mount(app);
    },
    async close() {
      stopSweeper();
      mailer.close();
      await board?.close();
    },
  };
}
