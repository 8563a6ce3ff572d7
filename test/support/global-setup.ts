import { Client } from 'pg';
import { openDatabase } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';

/**
 * One fresh PostgreSQL database per test run, migrated with our own migrator. Tests share it and
 * keep apart by unique names (STYLE.md §10). TEST_PG_URL points at the server (default: this
 * machine's trust-auth PostgreSQL).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const server = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `endorse_test_${process.pid}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.env.TEST_DATABASE_URL = url.toString();
  // For global-teardown, which drops it when the run ends.
  process.env.ENDORSE_TEST_DATABASE_CREATED = name;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  await migrate(db.sql);
  await db.close();
}
