import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { migrate } from '../db/migrate';
import { createLogger } from '../logger';
import { createMailer } from '../mail';
import { createSecretBox } from '../secrets/secret-box';
import { createBroadcast } from '../pubsub/broadcast';
import { createServices } from '../services';
import { createReferenceCache } from '../services/reference-cache';
import { runAdminCommand } from './admin-commands';
import { runCli } from './run-cli';

/** Waits for `work`, or `ms` at most (the process exits after the command anyway). */
const atMost = (ms: number, work: Promise<void>): Promise<void> =>
  Promise.race([work, new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);

/**
 * `npm run admin -- …`: bootstrapping and operations through the same services as the chat. It
 * reads the server's configuration; on the embedded database it stops with a clear message while
 * a server holds it (see src/db/embedded-lock.ts).
 */
runCli(async () => {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database.sql);
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
    // A campaign created or closed here must reach the running servers' reference caches at once.
    const broadcast = createBroadcast({ redisUrl: config.redisUrl, databaseUrl: config.databaseUrl, logger });
    const reference = createReferenceCache({ broadcast, logger });
    // Redis away: the command runs anyway, and the servers drop their campaigns within the cache's TTL.
    await atMost(2000, reference.ready);
    const services = createServices({
      db: database.prisma,
      sql: database.driver,
      logger,
      now: () => new Date(),
      publicUrl: config.publicUrl,
      inviteTtlDays: config.inviteTtlDays,
      ...(config.secretKeys ? { secrets: createSecretBox(config.secretKeys) } : {}),
      reference,
    });
    // With SMTP_URL, `user invite` emails the link too; without, it prints it (and nothing is logged).
    const mailer = config.mail.smtpUrl ? createMailer({ ...config.mail, logger: createLogger('warn') }) : undefined;
    try {
      await runAdminCommand(services, process.argv.slice(2), (line) => console.log(line), { mailer });
    } finally {
      mailer?.close();
      await atMost(1000, broadcast.close());
    }
  } finally {
    await database.close();
  }
});
