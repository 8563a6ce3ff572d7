import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { migrate } from '../db/migrate';
import { createLogger } from '../logger';
import { createMailer } from '../mail';
import { createSecretBox } from '../secrets/secret-box';
import { createServices } from '../services';
import { runAdminCommand } from './admin-commands';
import { runCli } from './run-cli';

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
    const services = createServices({
      db: database.prisma,
      sql: database.driver,
      logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
      now: () => new Date(),
      publicUrl: config.publicUrl,
      inviteTtlDays: config.inviteTtlDays,
      ...(config.secretKeys ? { secrets: createSecretBox(config.secretKeys) } : {}),
    });
    // With SMTP_URL, `user invite` emails the link too; without, it prints it (and nothing is logged).
    const mailer = config.mail.smtpUrl ? createMailer({ ...config.mail, logger: createLogger('warn') }) : undefined;
    try {
      await runAdminCommand(services, process.argv.slice(2), (line) => console.log(line), { mailer });
    } finally {
      mailer?.close();
    }
  } finally {
    await database.close();
  }
});
