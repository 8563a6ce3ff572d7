import { Client } from 'pg';

/** The PostgreSQL server benchmarks create their databases on (BENCH_DATABASE_URL). */
export const BENCH_SERVER_URL = process.env.BENCH_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Runs one statement on the server's maintenance database (CREATE / DROP DATABASE). */
export async function adminQuery(sql: string, serverUrl = BENCH_SERVER_URL): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Drops and creates database `name` (an identifier the bench owns); returns its URL. */
export async function recreateDatabase(name: string, serverUrl = BENCH_SERVER_URL): Promise<string> {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, serverUrl);
  await adminQuery(`CREATE DATABASE ${name}`, serverUrl);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export const dropDatabase = (name: string, serverUrl = BENCH_SERVER_URL): Promise<void> =>
  adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, serverUrl);
