import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { migrate } from '../db/migrate';
import { runCli } from './run-cli';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database. */
runCli(async () => {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const migrated = await migrate(database.sql);
    // A new embedded database was migrated as it was created.
    const result = { ...migrated, applied: [...(database.appliedAtCreation ?? []), ...migrated.applied] };
    for (const name of result.applied) console.log(`applied ${name}`);
    console.log(
      result.applied.length === 0
        ? `Database is up to date (${result.alreadyApplied.length} migrations).`
        : `Applied ${result.applied.length} migration(s) to the ${database.kind} database.`,
    );
  } finally {
    await database.close();
  }
});
