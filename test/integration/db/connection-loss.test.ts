import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '../../../src/db/database';

/**
 * An idle pooled connection ended by the server (a PostgreSQL restart, an administrator) is
 * reported and replaced: the process does not die of the pool's 'error' event, and the next
 * queries, the driver's and Prisma's, run on new connections.
 */
let database: Database;
const lost: Error[] = [];
let onLost: () => void = () => undefined;
const appName = `endorse_loss_${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.searchParams.set('application_name', appName);
  database = await openDatabase({
    databaseUrl: url.toString(),
    dataDir: '',
    poolMax: 2,
    onConnectionLost: (error) => {
      lost.push(error);
      onLost();
    },
  });
});
afterAll(() => database.close());

/** Resolves once `count` losses in all have been reported. */
function reports(count: number): Promise<void> {
  return new Promise((resolve) => {
    onLost = () => {
      if (lost.length >= count) resolve();
    };
    onLost();
  });
}

test('idle connections ended by the server are reported, and the next queries reconnect', async () => {
  await database.driver.query('SELECT 1 AS one', []);
  await database.sql.query('SELECT 1 AS one');
  // From the one-connection pool, end the driver's (and Prisma's) pool...
  const pooled = await database.sql.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
    [appName],
  );
  expect(pooled.length).toBeGreaterThan(0);
  await database.sql.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pooled.map((p) => p.pid)]);
  await reports(pooled.length);
  // ...then, from a fresh pooled connection, the one-connection pool's own.
  await database.driver.query(
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
    [appName],
  );
  await reports(pooled.length + 1);

  expect(lost.every((error) => /terminat/.test(error.message))).toBe(true);
  expect(await database.driver.query<{ one: number }>('SELECT 1 AS one', [])).toEqual([{ one: 1 }]);
  expect(await database.prisma.$queryRaw<{ two: number }[]>`SELECT 2 AS two`).toEqual([{ two: 2 }]);
  expect(await database.sql.query<{ three: number }>('SELECT 3 AS three')).toEqual([{ three: 3 }]);
});
