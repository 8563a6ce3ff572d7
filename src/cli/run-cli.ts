import { ConfigError } from '../config';
import { EmbeddedDatabaseBusyError } from '../db/embedded-lock';
import { MigrationError } from '../db/migrate';
import { ServiceError } from '../services';

/** Runs a command-line entry point: expected errors print their message alone and exit 1. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      const expected =
        error instanceof ServiceError ||
        error instanceof ConfigError ||
        error instanceof EmbeddedDatabaseBusyError ||
        error instanceof MigrationError ||
        error instanceof UsageError;
      process.stderr.write(`${expected ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
      process.exit(expected && error instanceof UsageError ? 2 : 1);
    },
  );
}

/** The command line itself was wrong; the message shows the right form. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
