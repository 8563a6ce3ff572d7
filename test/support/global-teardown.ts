import { Client } from 'pg';

/**
 * Drops the database global-setup created for this run: each run made one of its own
 * (`endorse_test_<pid>`, about 10 MB) and left it behind, a hundred after a day's work.
 * KEEP_TEST_DATABASE=1 keeps it to look at; a database given by TEST_DATABASE_URL is never ours.
 */
export default async function globalTeardown(): Promise<void> {
  const name = process.env.ENDORSE_TEST_DATABASE_CREATED;
  if (!name || process.env.KEEP_TEST_DATABASE === '1') return;
  const admin = new Client({ connectionString: process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
