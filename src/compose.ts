import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { Config } from './config';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { findDemoUsers, seedDemo, type DemoUser } from './demo/seed';
import { inviteChannels } from './domain/invite-channels';
import { createEngine, type Engine } from './engine';
import type { ChannelAdapter } from './engine/channel';
import { createChannelRegistry, type ChannelRegistry } from './engine/channel-registry';
import { mountApi } from './http/api';
import { mountMetrics } from './http/metrics';
import { createHttpApp, type Express, type Mount } from './http/app';
import { createChannelStatus } from './http/channel-status';
import { trackConnections, type ConnectionTracker } from './http/drain';
import { createHealthChecks } from './http/health';
import { mountInvitePage } from './http/invite-page';
import { startReplaying } from './http/replay';
import { mountRootPage } from './http/root-page';
import { mountChannel } from './http/webhook';
import { createQueue, type JobQueue } from './jobs';
import { every } from './jobs/every';
import { createEventParking } from './jobs/parking';
import type { Logger } from './logger';
import type { Mail } from './mail';
import { createNotifications, type Notifications } from './notify/notifications';
import { countResumeReads, instrumentQueue, instrumentServices } from './metrics/instrument';
import { createPrometheusMetrics } from './metrics/prometheus';
import { createBroadcast, type Broadcast } from './pubsub/broadcast';
import { readResume } from './resume/read-resume';
import { createSecretBox } from './secrets/secret-box';
import { createServices, type Services } from './services';
import { createReferenceCache } from './services/reference-cache';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Everything one process holds, built from the config here and nowhere else (the composition root). */
export interface Endorse {
  config: Config;
  logger: Logger;
  database: Database;
  queue: JobQueue;
  /** The services with notifications attached (what the engine and the REST API use). */
  services: Services;
  engine: Engine;
  /** The adapters configured in this process, shared by the engine and the delivery path. */
  channels: ChannelRegistry;
  notifications: Notifications;
  http: Express;
  /** Demo users when the demo data is present (embedded database or DEMO_SEED=on). */
  demoUsers: DemoUser[];
  listen(port?: number): Promise<Server>;
  stop(): Promise<void>;
}

export interface EndorseOptions {
  now?: () => Date;
}

/** What a channel is built from. */
interface ChannelContext {
  config: Config;
  logger: Logger;
  services: Services;
  demoUsers: DemoUser[];
  broadcast: Broadcast;
}

/**
 * Every platform, loaded only when configured: a platform's adapter and its SDK cost 25-40 MB of
 * memory each. Adding a platform is one line here and a folder under adapters/; the engine and
 * the services never learn of it.
 */
const CHANNELS: readonly { name: string; load(ctx: ChannelContext): Promise<ChannelAdapter | null> }[] = [
  {
    name: 'web chat',
    async load({ config, logger, services, demoUsers, broadcast }) {
      if (!config.webChatEnabled) return null;
      const [{ createWebChatAdapter }, { toWebChatConfig }] = await Promise.all([
        import('../adapters/web'),
        import('../adapters/web/config'),
      ]);
      const web = toWebChatConfig(config, () => randomBytes(32).toString('base64url'));
      if (web.secretIsEphemeral)
        logger.warn('SESSION_SECRET is unset: web chat sessions end when this process stops; set it when running two instances');
      return createWebChatAdapter(web, { logger, services, demoUsers, broadcast });
    },
  },
  {
    name: 'telegram',
    async load({ config, logger, services }) {
      if (!config.telegram) return null;
      const [{ createTelegramAdapter }, { toTelegramConfig }] = await Promise.all([
        import('../adapters/telegram'),
        import('../adapters/telegram/config'),
      ]);
      const telegram = toTelegramConfig(config);
      const buttonPayloads = { save: services.saveButtonPayloads, find: services.findButtonPayload };
      return telegram ? createTelegramAdapter(telegram, { logger, buttonPayloads }) : null;
    },
  },
  {
    name: 'slack',
    async load({ config, logger, services }) {
      if (!config.slack) return null;
      const [{ createSlackAdapter }, { toSlackConfig }] = await Promise.all([
        import('../adapters/slack'),
        import('../adapters/slack/config'),
      ]);
      const slack = toSlackConfig(config);
      return slack ? createSlackAdapter(slack, { logger, installations: services.slackInstallations }) : null;
    },
  },
  {
    name: 'teams',
    async load({ config, logger }) {
      if (!config.teams) return null;
      const [{ createTeamsAdapter }, { toTeamsConfig }] = await Promise.all([
        import('../adapters/teams'),
        import('../adapters/teams/config'),
      ]);
      const teams = toTeamsConfig(config);
      return teams ? createTeamsAdapter(teams, { logger }) : null;
    },
  },
];

export async function createEndorse(config: Config, logger: Logger, options: EndorseOptions = {}): Promise<Endorse> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onConnectionLost: (error) =>
      logger.warn({ err: error.message }, 'database: an idle connection was lost; the next query reconnects'),
  });
  // Closed here when start-up fails after it was opened (its Redis connections would hold the process).
  let opened: Broadcast | undefined;
  try {
    const migrated = await migrate(database.sql);
    const applied = [...(database.appliedAtCreation ?? []), ...migrated.applied];
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
    const seedWanted = config.demoSeed === 'on' || (config.demoSeed === 'auto' && database.kind === 'embedded');
    if (seedWanted && (await seedDemo(database.prisma))) logger.info('demo data seeded');
    const demoUsers = seedWanted ? await findDemoUsers(database.prisma) : [];

    const baseQueue = createQueue({ redisUrl: config.redisUrl, logger });
    const prometheus = createPrometheusMetrics({
      queueDepth: () => baseQueue.depth?.() ?? Promise.resolve({ waiting: 0, active: 0, delayed: 0, failed: 0 }),
      ...(database.poolStats ? { databasePool: database.poolStats } : {}),
    });
    const metrics = prometheus.metrics;
    // Every job try is timed for /metrics: the handlers registered from here on are wrapped.
    const queue = instrumentQueue(baseQueue, metrics);
    // Live web chat entries reach the instance holding the page's stream (issue 17), and every
    // instance drops its cached campaigns when one writes them.
    const broadcast = createBroadcast({ redisUrl: config.redisUrl, databaseUrl: config.databaseUrl, logger });
    opened = broadcast;
    const reference = createReferenceCache({ broadcast, logger });
    const core = createServices({
      db: database.prisma,
      sql: database.driver,
      logger,
      now: options.now ?? (() => new Date()),
      publicUrl: config.publicUrl,
      inviteTtlDays: config.inviteTtlDays,
      defaultPhoneCountry: config.defaultPhoneCountry,
      digest: config.digest,
      ...(config.secretKeys ? { secrets: createSecretBox(config.secretKeys) } : {}),
      reference,
    });
    // One registry for the engine and the delivery path; jobs are registered before the queue starts.
    const channels = createChannelRegistry();
    // The demo's convenience: with no SMTP on the embedded database, the invitation mail (its live
    // link included) is printed to the console; the log gets it with the link redacted.
    const showMail =
      database.kind === 'embedded' && config.nodeEnv === 'development'
        ? (mail: Mail) => process.stdout.write(`\n--- email to ${mail.to}: ${mail.subject}\n${mail.text}\n---\n`)
        : undefined;
    const notifications = createNotifications({
      config,
      db: database.prisma,
      queue,
      logger,
      services: core,
      channels,
      showMail,
      metrics,
    });
    const services = instrumentServices(notifications.services, metrics);
    const engine = createEngine({
      services,
      queue,
      logger,
      channels,
      sendLater: notifications.sendLater,
      readResume: countResumeReads(readResume, metrics),
    });
    for (const channel of CHANNELS) {
      const adapter = await channel.load({ config, logger, services, demoUsers, broadcast });
      if (adapter) channels.register(adapter);
    }

    // Events that arrive while the database is out of reach wait here (Redis when configured).
    const parking = createEventParking({ redisUrl: config.redisUrl, logger });
    const channelStatus = createChannelStatus({
      channels: channels.platforms().flatMap((p) => channels.get(p) ?? []),
      logger,
    });
    const runnerDeps = {
      channelDown: channelStatus.down,
      engine,
      logger,
      markUnreachable: services.markIdentityUnreachable,
      sendLater: notifications.sendLater,
      parking,
      metrics,
    };
    const mounts: Mount[] = channels.platforms().flatMap((p) => {
      const adapter = channels.get(p);
      return adapter ? [mountChannel(adapter, runnerDeps)] : [];
    });
    const invitesTo = (token: string) =>
      inviteChannels(token, {
        publicUrl: config.publicUrl,
        telegramBotUsername: config.telegram?.botUsername ?? undefined,
        slack: channels.get('SLACK') !== undefined,
        teams: channels.get('TEAMS') !== undefined,
        webChat: channels.get('WEB') !== undefined,
      });
    mounts.push(
      mountRootPage({ webChat: channels.get('WEB') !== undefined }),
      mountInvitePage(invitesTo, (token) => services.describeInvitation(token)),
      mountApi({ services, logger, publicUrl: config.publicUrl }),
      mountMetrics({ scrape: prometheus.scrape, token: config.metricsToken }),
    );
    // Loaded only when asked for: the dashboard's modules cost memory in every process otherwise.
    const board =
      config.redisUrl && config.queueBoard
        ? (await import('./http/queue-board')).mountQueueBoard({ redisUrl: config.redisUrl, ...config.queueBoard, logger })
        : null;
    if (board) mounts.push(board.mount);
    else if (config.redisUrl)
      logger.info('queue dashboard off: set BULL_BOARD_USER and BULL_BOARD_PASSWORD to serve /admin/queues');

    let connections: ConnectionTracker | undefined;
    const health = createHealthChecks({
      pingDatabase: () => database.sql.query('SELECT 1 AS ok'),
      databaseKind: database.kind,
      queueBackend: queue.backend,
      queueHealth: () => queue.health(),
      isDraining: () => connections?.draining ?? false,
      channels: channelStatus.report,
    });
    const http = createHttpApp({ logger, health: health.health, readiness: health.readiness, mounts });

    const stopHooks: (() => Promise<void> | void)[] = [];
    let server: Server | undefined;
    return {
      config,
      logger,
      database,
      queue,
      services,
      engine,
      channels,
      notifications,
      http,
      demoUsers,
      async listen(port = config.port) {
        if (config.processRole !== 'web') {
          await queue.start();
          // Platforms redeliver within minutes to hours; a week of event ids is plenty to drop repeats.
          stopHooks.push(every(HOUR_MS, 'prune processed events', () => services.pruneProcessedEvents(7 * DAY_MS), logger));
          // Web chat transcripts older than a session's lifetime, expired uploads, stale button payloads.
          stopHooks.push(every(HOUR_MS, 'prune web chat', () => services.pruneWebChat(30 * DAY_MS), logger));
          stopHooks.push(every(HOUR_MS, 'prune button payloads', () => services.pruneButtonPayloads(30 * DAY_MS), logger));
        }
        stopHooks.push(startReplaying({ ...runnerDeps, channels }), channelStatus.start());
        server = await new Promise<Server>((resolve, reject) => {
          const s = http.listen(port, () => resolve(s));
          s.once('error', reject);
        });
        connections = trackConnections(server, { idleGraceMs: config.shutdownIdleGraceMs });
        return server;
      },
      async stop() {
        // Stop taking requests and let running ones finish; long-lived responses (event streams)
        // end at once, or the drain would wait on browsers; then the jobs, then the database.
        const drained = connections?.drain();
        await Promise.allSettled([
          ...stopHooks.map((hook) => hook()),
          ...channels.platforms().map((p) => channels.get(p)?.close?.()),
          notifications.close(),
          board?.close(),
        ]);
        if (drained) logger.info({ ...(await drained) }, 'http drained');
        else if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
        await Promise.allSettled([queue.close(), parking.close(), broadcast.close()]);
        await database.close();
      },
    };
  } catch (error) {
    await opened?.close();
    await database.close();
    throw error;
  }
}
