import type { Server } from 'node:http';
import type { Config } from './config';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { findDemoUsers, seedDemo, type DemoUser } from './demo/seed';
import { createHttpApp, type Express, type Mount } from './http/app';
import { trackConnections, type ConnectionTracker } from './http/drain';
import { createHealthChecks } from './http/health';
import { createQueue, type JobQueue } from './jobs';
import { every } from './jobs/every';
import type { Logger } from './logger';
import { createServices, type Services } from './services';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Everything one process holds, built from the config in one place (the composition root). */
export interface Endorse {
  config: Config;
  logger: Logger;
  database: Database;
  queue: JobQueue;
  services: Services;
  http: Express;
  /** Demo users when the demo data is present (embedded database or DEMO_SEED=on). */
  demoUsers: DemoUser[];
  listen(port?: number): Promise<Server>;
  stop(): Promise<void>;
}

export interface EndorseOptions {
  /**
   * Builds the product on the core (engine, adapters, notifications, API): registers its jobs on
   * the queue (which starts only at `listen`) and returns the routes to mount.
   */
  compose?: (core: Core) => readonly Mount[] | Promise<readonly Mount[]>;
  now?: () => Date;
}

/** The parts that mounts and jobs build on. */
export interface Core {
  config: Config;
  logger: Logger;
  database: Database;
  queue: JobQueue;
  services: Services;
  demoUsers: DemoUser[];
  /**
   * Registers work for shutdown, run before the HTTP server waits for open connections: a part
   * that holds long-lived connections (server-sent events) ends them here.
   */
  onStop(hook: () => Promise<void> | void): void;
}

export async function createEndorse(config: Config, logger: Logger, options: EndorseOptions = {}): Promise<Endorse> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onConnectionLost: (error) =>
      logger.warn({ err: error.message }, 'database: an idle connection was lost; the next query reconnects'),
  });
  try {
    const migrated = await migrate(database.sql);
    if (migrated.applied.length > 0) logger.info({ applied: migrated.applied }, 'database migrated');
    const seedWanted = config.demoSeed === 'on' || (config.demoSeed === 'auto' && database.kind === 'embedded');
    if (seedWanted && (await seedDemo(database.prisma))) logger.info('demo data seeded');
    const demoUsers = seedWanted ? await findDemoUsers(database.prisma) : [];

    const queue = createQueue({ redisUrl: config.redisUrl, logger });
    const services = createServices({
      db: database.prisma,
      sql: database.driver,
      logger,
      now: options.now ?? (() => new Date()),
      publicUrl: config.publicUrl,
      inviteTtlDays: config.inviteTtlDays,
    });
    const stopHooks: (() => Promise<void> | void)[] = [];
    const core: Core = { config, logger, database, queue, services, demoUsers, onStop: (hook) => void stopHooks.push(hook) };
    const mounts = (await options.compose?.(core)) ?? [];

    let connections: ConnectionTracker | undefined;
    const health = createHealthChecks({
      pingDatabase: () => database.sql.query('SELECT 1 AS ok'),
      databaseKind: database.kind,
      queueBackend: queue.backend,
      queueHealth: () => queue.health(),
      isDraining: () => connections?.draining ?? false,
    });
    const http = createHttpApp({ logger, health: health.health, readiness: health.readiness, mounts });

    let server: Server | undefined;
    return {
      ...core,
      http,
      async listen(port = config.port) {
        if (config.processRole !== 'web') {
          await queue.start();
          // Platforms redeliver within minutes to hours; a week of event ids is plenty to drop repeats.
          const prune = every(HOUR_MS, 'prune processed events', () => services.pruneProcessedEvents(7 * DAY_MS), logger);
          stopHooks.push(prune);
        }
        server = await new Promise<Server>((resolve, reject) => {
          const s = http.listen(port, () => resolve(s));
          s.once('error', reject);
        });
        connections = trackConnections(server, { idleGraceMs: config.shutdownIdleGraceMs });
        return server;
      },
      async stop() {
        // Stop taking requests, let running ones finish, then the jobs, then close the database.
        const drained = connections?.drain();
        await Promise.allSettled(stopHooks.map((hook) => hook()));
        if (drained) logger.info({ ...(await drained) }, 'http drained');
        await queue.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
