import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Prisma } from '../../src/generated/prisma/client';
import type { Endorse } from '../../src/compose';
import { dropDatabase, recreateDatabase } from './bench-database';
import { reportReady, type Child } from './child-process';
import { ensureBuilt, freePort, ROOT } from '../../test/support/production-server';

/**
 * Our app as a platform benchmark's target: its own fresh database on BENCH_DATABASE_URL's server,
 * the whole product on it with one platform configured by `env`, and USERS active agency users
 * who already have an identity on that platform.
 */
export async function startBenchApp(database: string, env: Record<string, string>): Promise<Endorse> {
  const { createEndorse } = await import('../../src/compose');
  const { loadConfig } = await import('../../src/config');
  const { createLogger } = await import('../../src/logger');
  const config = loadConfig(benchAppEnv(await recreateDatabase(database), env));
  return createEndorse(config, createLogger(config.logLevel));
}

/** The environment of a bench's app: one platform configured by `env`, on the database at `url`. */
export function benchAppEnv(url: string, env: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: '0',
    DATABASE_URL: url,
    DEMO_SEED: 'off',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    WEB_CHAT_ENABLED: 'false',
    ...env,
  };
}

/** The node flags of `npm start`, so a bench runs the command people run. */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return (pkg.scripts.start ?? '').split(/\s+/).filter((word) => word.startsWith('--'));
}

/**
 * The production process as `npm start` runs it (plain node on dist/, its flags, nothing of tsx
 * and no NODE_OPTIONS: tsx's loader alone costs a process about 80 MB), with only `env` (and
 * PATH, HOME), ready once /healthz answers 200. Extra `nodeArgs` (e.g. --cpu-prof) go first.
 */
export async function startProductionApp(env: Record<string, string>, nodeArgs: string[] = []): Promise<Child> {
  ensureBuilt();
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, ...startFlags(), 'dist/src/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the production app exited with ${child.exitCode} before it answered /healthz`);
    if (performance.now() - started > 60_000) throw new Error('the production app did not answer /healthz within 60 s');
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { process: child, info: { port } };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
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
