import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEndorse, type Endorse } from '../../../src/compose';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { createPostgresDatabase } from '../../support/postgres-database';

export interface RunningApp {
  endorse: Endorse;
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * PGlite loads parts of itself with a dynamic import(), which jest's module sandbox refuses unless
 * node runs with --experimental-vm-modules. With the flag the app gets a fresh embedded database
 * in a temp DATA_DIR; without it, a fresh PostgreSQL database of its own on TEST_PG_URL's server.
 */
const canEmbed = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('--experimental-vm-modules'));

/** The real product in this process: a fresh database, the demo seed, every product mount, a free port. */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'endorse-e2e-'));
  const database = canEmbed ? null : await createPostgresDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATA_DIR: dataDir,
    ...(database ? { DATABASE_URL: database.url } : {}),
    DEMO_SEED: 'on',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    SESSION_SECRET: 'e2e-session-secret-0123456789abcdef',
    // The tests' own idle connections need no grace; test/e2e/shutdown.test.ts pins the grace.
    SHUTDOWN_IDLE_GRACE_MS: '0',
    ...env,
  });
  const endorse = await createEndorse(config, createLogger(config.logLevel));
  const server = await endorse.listen(0);
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endorse,
    baseUrl,
    async stop() {
      await endorse.stop();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The session cookie from a response's Set-Cookie, ready for a Cookie header. */
export function sessionCookie(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  const pair = header.split(';')[0] ?? '';
  if (!pair.includes('=')) throw new Error(`no session cookie in: ${header}`);
  return pair;
}
