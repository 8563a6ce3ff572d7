import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SqlRunner } from './sql-runner';

/** Where Prisma keeps migrations: `<dir>/<timestamp>_<name>/migration.sql`. */
export const MIGRATIONS_DIR = path.resolve(__dirname, '..', '..', 'prisma', 'migrations');

/** The lock id Prisma's schema engine takes, so our runner and `prisma migrate` exclude each other. */
const PRISMA_MIGRATE_LOCK_ID = 72707369;

// The table exactly as Prisma's schema engine creates it, so `prisma migrate status/deploy` on a
// machine that can run Prisma's CLI sees our history as its own.
const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

export interface Migration {
  name: string;
  sql: string;
  /** SHA-256 of the file's bytes, as Prisma records it. */
  checksum: string;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    }),
  );
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies the migrations not yet recorded, each in its own transaction, under Prisma's advisory
 * lock so that instances starting together apply each migration once.
 */
export async function migrate(db: SqlRunner, dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  const migrations = await readMigrations(dir);
  await db.exec(`SELECT pg_advisory_lock(${PRISMA_MIGRATE_LOCK_ID});`);
  try {
    await db.exec(CREATE_HISTORY_TABLE);
    const rows = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    const result: MigrateResult = { applied: [], alreadyApplied: [] };
    for (const m of migrations) {
      const previous = done.get(m.name);
      if (previous?.finished_at) {
        if (previous.checksum !== m.checksum) {
          throw new MigrationError(
            `Migration ${m.name} was changed after it was applied. Restore the original file and add a new migration instead.`,
          );
        }
        result.alreadyApplied.push(m.name);
        continue;
      }
      if (previous) {
        throw new MigrationError(
          `Migration ${m.name} failed earlier and is marked unfinished in _prisma_migrations. Fix the database by hand, then delete that row and run db:migrate again.`,
        );
      }
      await applyOne(db, m);
      result.applied.push(m.name);
    }
    return result;
  } finally {
    await db.exec(`SELECT pg_advisory_unlock(${PRISMA_MIGRATE_LOCK_ID});`);
  }
}

async function applyOne(db: SqlRunner, m: Migration): Promise<void> {
  const id = randomUUID();
  try {
    await db.exec('BEGIN;');
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
      [id, m.checksum, m.name],
    );
    await db.exec(m.sql);
    await db.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await db.exec('COMMIT;');
  } catch (error) {
    await db.exec('ROLLBACK;').catch(() => undefined);
    throw new MigrationError(`Migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
  }
}
