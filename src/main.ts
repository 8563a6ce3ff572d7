import type { AddressInfo } from 'node:net';
import { createEndorse } from './compose';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { EmbeddedDatabaseBusyError } from './db/embedded-lock';

/** The drain gives up on open connections at 20 s; this ends the process at 25 s whatever happens. */
const STOP_DEADLINE_MS = 25_000;

/** `npm start`: HTTP and jobs in one process; `--worker` runs jobs only (PROCESS_ROLE=worker). */
async function main(): Promise<void> {
  const config = loadConfig(undefined, process.argv);
  const logger = createLogger(config.logLevel);
  const endorse = await createEndorse(config, logger);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // The last resort, well inside an orchestrator's usual 30 s grace: a stop that hangs on a
    // frozen dependency must not end in a SIGKILL that leaves no line in the log.
    setTimeout(() => {
      logger.error({ signal, afterMs: STOP_DEADLINE_MS }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    await endorse.stop();
    process.exit(0);
  };
  // A promise nobody awaited failed (an SDK's background call, a stray timer's work): a bug to
  // log with what it says, never the end of every channel this process serves.
  process.on('unhandledRejection', (reason: unknown) => {
    const err = reason as { name?: string; message?: string; code?: unknown } | null;
    logger.error(
      { err: { name: err?.name, message: err?.message, code: err?.code } },
      'unhandled rejection (the process goes on)',
    );
  });
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  if (config.processRole === 'worker') {
    await endorse.queue.start();
    logger.info({ queue: endorse.queue.backend }, 'worker started');
    return;
  }
  const server = await endorse.listen();
  const port = (server.address() as AddressInfo).port;
  const base = config.publicUrl.includes(`:${config.port}`)
    ? config.publicUrl.replace(`:${config.port}`, `:${port}`)
    : config.publicUrl;
  logger.info({ port, database: endorse.database.kind, queue: endorse.queue.backend }, 'Endorse is listening');
  printWelcome(base, config.webChatEnabled, endorse.demoUsers.length > 0);
}

function printWelcome(base: string, webChat: boolean, demo: boolean): void {
  const lines = [``, `Endorse is running at ${base}`, `  health:   ${base}/healthz`];
  if (webChat) lines.push(`  web chat: ${base}/chat`);
  if (webChat && demo)
    lines.push(`  demo:     open ${base}/chat and pick a demo user to sign in as (owner, admin, agency users, recruiter)`);
  lines.push(`Stop with Ctrl+C.`, ``);
  process.stdout.write(lines.join('\n'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedDatabaseBusyError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Endorse could not start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
