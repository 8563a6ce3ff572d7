import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** A PostgreSQL database of a test's own, empty (the app migrates it on start), dropped after. */
export interface OwnDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createPostgresDatabase(prefix = 'endorse_e2e'): Promise<OwnDatabase> {
  const server = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
