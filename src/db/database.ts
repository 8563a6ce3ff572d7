import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { createEmbeddedApart } from './embedded-create';
import { acquireEmbeddedLock, type EmbeddedLock } from './embedded-lock';
import { pgliteRunner, startPglite } from './pglite';
import type { SqlDriver, SqlQuery, SqlRunner } from './sql-runner';

export type Db = InstanceType<typeof PrismaClient>;

/** What the process holds of its database: the Prisma client, raw SQL, and how to let go. */
export interface Database {
  prisma: Db;
  /** One dedicated session: migrations, scripts, session advisory locks. */
  sql: SqlRunner;
  /**
   * Single statements straight on the driver, for the ones every request runs (event opening, the
   * actor and identity look-ups, dialog state): on PostgreSQL the pool Prisma runs on, with named
   * prepared statements; embedded, the PGlite session.
   */
  driver: SqlDriver;
  kind: 'postgres' | 'embedded';
  /** The migrations applied while the embedded database was created, in a process of its own (embedded-create.ts). */
  appliedAtCreation?: string[];
  /** The PostgreSQL pool's connections right now (metrics); absent on the embedded database. */
  poolStats?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent the embedded database in `dataDir` is used. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Pool size for PostgreSQL. */
  poolMax?: number;
  /**
   * A pooled connection that sat idle was lost (PostgreSQL restarted, an administrator ended it, the
   * network dropped it). The pool has already let it go and the next query opens a new one; this
   * only reports it. Without a listener the pool's 'error' event would end the process.
   */
  onConnectionLost?: (error: Error) => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolMax ?? 10, options.onConnectionLost ?? (() => undefined))
    : openEmbedded(options.dataDir);
}

function openPostgres(url: string, max: number, onConnectionLost: (error: Error) => void): Database {
  // Connections stay open once opened (min = max): a fresh PostgreSQL backend costs tens of ms on
  // its first statements, which the first messages after every quiet spell would wait for.
  // TCP keepalive finds a connection a NAT or load balancer dropped while it sat idle.
  // JIT off: the statements here are short, and a dashboard count over a large pool crossed the
  // JIT cost threshold, spending 0.5-0.7 s compiling a plan that runs in milliseconds.
  const pool = new Pool({
    connectionString: url,
    max,
    min: max,
    keepAlive: true,
    keepAliveInitialDelayMillis: 30_000,
    options: '-c jit=off',
  });
  const sqlPool = new Pool({ connectionString: url, max: 1 });
  pool.on('error', onConnectionLost);
  sqlPool.on('error', onConnectionLost);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const sql: SqlRunner = {
    // One dedicated connection so BEGIN/COMMIT and session advisory locks stay on one session.
    exec: async (text) => void (await sqlPool.query(text)),
    query: async (text, params) => (await sqlPool.query(text, params)).rows,
    close: () => sqlPool.end(),
  };
  const driver: SqlDriver = {
    query: async (text, params, options) =>
      (await pool.query(options?.planEachTime ? { text, values: params } : { name: statementName(text), text, values: params }))
        .rows,
    async transaction(fn, options) {
      const begin = beginWith(options?.settings);
      const client = await pool.connect();
      const tx: SqlQuery = {
        query: async (text, params, options) =>
          (
            await client.query(
              options?.planEachTime ? { text, values: params } : { name: statementName(text), text, values: params },
            )
          ).rows,
      };
      try {
        await client.query(begin);
        const result = await fn(tx);
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        // A session whose ROLLBACK failed is in an unknown state: the pool drops it instead of reusing it.
        const broken = await client.query('ROLLBACK').then(
          () => undefined,
          (rollbackError: Error) => rollbackError,
        );
        client.release(broken);
        throw error;
      }
    },
  };
  return {
    prisma,
    sql,
    driver,
    kind: 'postgres',
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await prisma.$disconnect();
      await Promise.allSettled([pool.end(), sql.close()]);
    },
  };
}

/** BEGIN and the transaction's own settings, as one simple-protocol query: one round trip. */
function beginWith(settings: Record<string, string> = {}): string {
  const sets = Object.entries(settings).map(([name, value]) => {
    if (!/^[a-z_]+$/.test(name) || !/^[a-z0-9_]+$/.test(value)) throw new Error(`not a setting this code sends: ${name}`);
    return `SET LOCAL ${name} = ${value}`;
  });
  return ['BEGIN', ...sets].join('; ');
}

const statementNames = new Map<string, string>();

/**
 * The driver's statements are constants run on every message: named, each is parsed and planned
 * once per connection instead of on every call (PostgreSQL's CPU per message halves).
 */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `endorse_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    statementNames.set(text, name);
  }
  return name;
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lock: EmbeddedLock = acquireEmbeddedLock(dir);
  const pgdata = path.join(dir, 'pgdata');
  let pglite: PGlite;
  let PrismaPGlite: typeof import('pglite-prisma-adapter').PrismaPGlite;
  let appliedAtCreation: string[] | undefined;
  try {
    // A folder that is there without a cluster (left by an older version's failed start) is
    // PGlite's to sort out in this process, as before; a missing one is created apart.
    if (!existsSync(pgdata)) appliedAtCreation = await createEmbeddedApart(pgdata);
    // Loaded only here, as PGlite itself (pglite.ts).
    [pglite, { PrismaPGlite }] = await Promise.all([startPglite(pgdata), import('pglite-prisma-adapter')]);
  } catch (error) {
    lock.release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const sql = pgliteRunner(pglite);
  const driver: SqlDriver = {
    query: sql.query,
    transaction: (fn, options) =>
      pglite.transaction(async (tx) => {
        for (const [name, value] of Object.entries(options?.settings ?? {}))
          await tx.query(`SELECT set_config($1, $2, true)`, [name, value]);
        return fn({ query: async (text, params) => (await tx.query<Record<string, unknown>>(text, params)).rows as never });
      }),
  };
  return {
    prisma,
    sql,
    // PGlite runs one statement at a time and waits for an open Prisma transaction to end.
    driver,
    kind: 'embedded',
    ...(appliedAtCreation ? { appliedAtCreation } : {}),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      lock.release();
    },
  };
}
