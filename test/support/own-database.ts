import { openDatabase } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { createLogger } from '../../src/logger';
import { createServices, type ServiceDeps } from '../../src/services';
import { createPostgresDatabase } from './postgres-database';
import { testClock, withOutboxSettled, type TestEnv } from './services';

/**
 * Services on a fresh, migrated PostgreSQL database of the test's own (dropped on close), for
 * work that reads every user in the database (the daily digest's pass): the run's shared database
 * holds every other suite's users.
 */
export async function openOwnTestEnv(clock = testClock()): Promise<TestEnv & { url: string }> {
  const own = await createPostgresDatabase('endorse_own');
  const database = await openDatabase({ databaseUrl: own.url, dataDir: '', poolMax: 10 });
  await migrate(database.sql);
  const deps: ServiceDeps = {
    db: database.prisma,
    sql: database.driver,
    logger: createLogger('silent'),
    now: clock.now,
    publicUrl: 'http://endorse.test',
    inviteTtlDays: 7,
  };
  return {
    url: own.url,
    database,
    services: withOutboxSettled(createServices(deps)),
    deps,
    clock,
    async close() {
      await database.close();
      await own.drop();
    },
  };
}
