import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { acquireEmbeddedLock, type EmbeddedLock } from './embedded-lock';
import type { SqlRunner } from './sql-runner';

export type Db = InstanceType<typeof PrismaClient>;

/** What the process holds of its database: the Prisma client, raw SQL, and how to let go. */
export interface Database {
  prisma: Db;
  sql: SqlRunner;
  kind: 'postgres' | 'embedded';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent the embedded database in `dataDir` is used. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Pool size for PostgreSQL. */
  poolMax?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolMax ?? 10) : openEmbedded(options.dataDir);
}

function openPostgres(url: string, max: number): Database {
  const pool = new Pool({ connectionString: url, max });
  const sqlPool = new Pool({ connectionString: url, max: 1 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const sql: SqlRunner = {
    // One dedicated connection so BEGIN/COMMIT and session advisory locks stay on one session.
    exec: async (text) => void (await sqlPool.query(text)),
    query: async (text, params) => (await sqlPool.query(text, params)).rows,
    close: () => sqlPool.end(),
  };
  return {
    prisma,
    sql,
    kind: 'postgres',
    async close() {
      await prisma.$disconnect();
      await Promise.allSettled([pool.end(), sql.close()]);
    },
  };
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lock: EmbeddedLock = acquireEmbeddedLock(dir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(path.join(dir, 'pgdata'));
  } catch (error) {
    lock.release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const sql: SqlRunner = {
    exec: async (text) => void (await pglite.exec(text)),
    query: async (text, params) => (await pglite.query<Record<string, unknown>>(text, params)).rows as never,
    close: async () => undefined,
  };
  return {
    prisma,
    sql,
    kind: 'embedded',
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      lock.release();
    },
  };
}
