import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../src/generated/prisma/client';
import type { Endorse } from '../../src/compose';
import { dropDatabase, recreateDatabase } from './bench-database';
import { reportReady } from './child-process';

/**
 * Our app as a platform benchmark's target: its own fresh database on BENCH_DATABASE_URL's server,
 * the whole product on it with one platform configured by `env`, and USERS active agency users
 * who already have an identity on that platform.
 */
export async function startBenchApp(database: string, env: Record<string, string>): Promise<Endorse> {
  const { createEndorse } = await import('../../src/compose');
  const { loadConfig } = await import('../../src/config');
  const { createLogger } = await import('../../src/logger');
  const url = await recreateDatabase(database);
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    DATABASE_URL: url,
    DEMO_SEED: 'off',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    WEB_CHAT_ENABLED: 'false',
    ...env,
  });
  return createEndorse(config, createLogger(config.logLevel));
}

/** `count` active users of one agency, each with the chat identity `identity(i)` says. */
export async function seedBenchUsers(
  endorse: Endorse,
  count: number,
  identity: (i: number) => Omit<Prisma.ChatIdentityCreateManyInput, 'userId'>,
): Promise<void> {
  const db = endorse.database.prisma;
  const agency = await db.agency.create({ data: { name: 'Bench Agency', country: 'PH' } });
  const users = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    email: `bench${i}@example.test`,
    name: `Bench User ${i}`,
    role: 'AGENCY_USER' as const,
    agencyId: agency.id,
    status: 'ACTIVE' as const,
  }));
  await db.user.createMany({ data: users });
  await db.chatIdentity.createMany({ data: users.map((u, i) => ({ ...identity(i), userId: u.id })) });
}

/**
 * Listens, reports the port (and `extra`, for the parent), and on SIGTERM stops the app and drops
 * its database before exiting.
 */
export async function serveBenchApp(endorse: Endorse, database: string, extra: Record<string, unknown> = {}): Promise<void> {
  const server = await endorse.listen(0);
  process.on('SIGTERM', () => {
    void endorse
      .stop()
      .then(() => dropDatabase(database))
      .finally(() => process.exit(0));
  });
  const address = server.address();
  reportReady({ ...extra, port: typeof address === 'object' && address ? address.port : 0 });
}
