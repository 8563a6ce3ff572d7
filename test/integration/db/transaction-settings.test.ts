import { openDatabase, type Database } from '../../../src/db/database';

/**
 * A driver transaction's own settings (sent with its BEGIN): they hold for its statements and are
 * gone once it ends, so the pooled connection goes back as it was.
 */
let database: Database;

beforeAll(async () => {
  database = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, dataDir: '', poolMax: 1 });
});
afterAll(() => database.close());

const planCacheMode = async (sql: Pick<Database['driver'], 'query'>) =>
  (await sql.query<{ mode: string }>(`SELECT current_setting('plan_cache_mode') AS "mode"`))[0]?.mode;

test('a transaction’s settings hold inside it and end with it', async () => {
  const inside = await database.driver.transaction((tx) => planCacheMode(tx), {
    settings: { plan_cache_mode: 'force_generic_plan' },
  });

  expect(inside).toBe('force_generic_plan');
  // One connection in the pool: the same session, after the commit.
  expect(await planCacheMode(database.driver)).toBe('auto');
});

test('a setting that is not a plain word is refused before anything is sent', async () => {
  await expect(
    database.driver.transaction((tx) => planCacheMode(tx), { settings: { plan_cache_mode: "auto'; DROP TABLE x; --" } }),
  ).rejects.toThrow('not a setting this code sends: plan_cache_mode');
  expect(await planCacheMode(database.driver)).toBe('auto');
});
