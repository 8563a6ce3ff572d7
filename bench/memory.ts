/**
 * `npm run bench:memory`: what the production process costs at rest. For each configuration
 * (web chat only, each platform alone, all three, the embedded demo) it starts the production
 * build the way `npm start` does (plain `node` with the flags from package.json), times start-up
 * to the first `/healthz` 200, then reads the resident set once V8's memory reducer has had its
 * idle pass (it runs about half a minute after start-up's last collection) and prints a table.
 *
 * The platforms' APIs are one local HTTP server answering `ok` to every call, so nothing leaves
 * this machine. BENCH_IDLE_SECONDS changes how long each process rests before it is measured.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startFlags } from './support/bench-app';
import { recreateDatabase } from './support/bench-database';
import { processMemoryMb } from './support/cpu';
import { printTable } from './support/table';
import { ensureBuilt, freePort, ROOT } from '../test/support/production-server';

const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 40);


async function startFakeApi(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // One answer that satisfies each platform's start-up calls (Telegram getMe/setWebhook,
      // Slack auth.test): nothing here is read beyond `ok` and the bot's identity.
      res.end(
        JSON.stringify({
          ok: true,
          result: { id: 1, is_bot: true, first_name: 'Endorse', username: 'endorse_bot' },
          user_id: 'UBOT',
          team_id: 'T1',
          bot_id: 'B1',
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

interface Measured {
  config: string;
  startupMs: number;
  idleMb: number;
  startPeakMb: number;
}

async function measure(config: string, env: Record<string, string>): Promise<Measured> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...startFlags(), 'dist/src/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    let startupMs = 0;
    while (!startupMs) {
      if (child.exitCode !== null) throw new Error(`${config}: the process exited with ${child.exitCode}`);
      if (performance.now() - started > 60_000) throw new Error(`${config}: no /healthz 200 within 60 s`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) startupMs = performance.now() - started;
      else await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const startPeakMb = processMemoryMb(child.pid).peak;
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    return { config, startupMs, idleMb: processMemoryMb(child.pid).rss, startPeakMb };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function main(): Promise<void> {
  ensureBuilt();
  const api = await startFakeApi();
  const common = { NODE_ENV: 'production', SESSION_SECRET: 'bench-memory-session-secret-0123456789' };
  const telegram = {
    TELEGRAM_BOT_TOKEN: '123456:bench-token',
    TELEGRAM_WEBHOOK_SECRET: 'bench-webhook-secret',
    TELEGRAM_API_ROOT: api.url,
  };
  const slack = { SLACK_SIGNING_SECRET: 'bench-signing-secret', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: `${api.url}/api/` };
  const teams = {
    TEAMS_ENABLED: 'true',
    MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
    MICROSOFT_APP_PASSWORD: 'bench-password',
    MICROSOFT_APP_TYPE: 'MultiTenant',
  };
  const redis = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9';
  const configs: [string, Record<string, string>][] = [
    ['PostgreSQL, web chat only', {}],
    ['PostgreSQL + Telegram', telegram],
    ['PostgreSQL + Slack', slack],
    ['PostgreSQL + Teams', teams],
    ['PostgreSQL + all three', { ...telegram, ...slack, ...teams }],
    ['PostgreSQL + Redis + all three', { ...telegram, ...slack, ...teams, REDIS_URL: redis }],
  ];
  const rows: Measured[] = [];
  try {
    for (const [config, env] of configs) {
      const databaseUrl = await recreateDatabase('endorse_bench_memory');
      rows.push(await measure(config, { ...common, ...env, DATABASE_URL: databaseUrl }));
    }
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'endorse-memory-'));
    try {
      // The README's first command on a bare machine: embedded database, demo data, web chat.
      rows.push(await measure('embedded demo (no DATABASE_URL)', { DATA_DIR: dataDir, SESSION_SECRET: common.SESSION_SECRET }));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    api.close();
  }
  console.log(`\nProduction build, node ${startFlags().join(' ')}; resident set after ${IDLE_SECONDS} s at rest.\n`);
  printTable(
    ['configuration', 'start-up to /healthz (ms)', 'RSS at start (MB)', 'RSS idle (MB)', 'budget (MB)'],
    rows.map((r) => [
      r.config,
      r.startupMs.toFixed(0),
      r.startPeakMb.toFixed(0),
      r.idleMb.toFixed(0),
      r.config.startsWith('embedded') ? '< 350' : '< 150',
    ]),
    { align: ['left', 'right', 'right', 'right', 'right'] },
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
