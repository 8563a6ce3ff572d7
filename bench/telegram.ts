/**
 * `npm run bench:telegram` — issue 5, must-show 3 (DESIGN §6): in one run, side by side, a bare
 * grammY echo bot (webhookCallback on express) and our running app (real PostgreSQL, the whole
 * path: secret check, parse, idempotency, identity, dialog state, reply), both answering through
 * the same fake Bot API and loaded with autocannon posting real-format updates with the secret
 * header. Figures: p50/p99 at a fixed 200 updates/s, then the maximum throughput.
 *
 * The fake API, the bare bot and our app each run in a child process, so autocannon (here) does
 * not share an event loop with what it measures. Each run is bounded (BENCH_SECONDS, default 20).
 * BENCH_DATABASE_URL names the PostgreSQL server (default postgresql://postgres@127.0.0.1:5432/postgres);
 * the app child creates and drops its own database `endorse_bench_telegram`.
 */
import { startChild, stopChild, type Child } from './support/child-process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { formatMs, printTable } from './support/table';
import { dropDatabase, recreateDatabase } from './support/bench-database';

const TOKEN = '123456789:AABenchToken_abcdefghijklmnopqrstuv';
const SECRET = 'bench-telegram-webhook-secret-0123456789';
const USERS = 64;
const CHAT_BASE = 900_000_001;
const RATE_PER_S = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = 3;
const RATE_CONNECTIONS = 16;
const MAX_CONNECTIONS = 32;
const BENCH_DB = 'endorse_bench_telegram';
const BUDGET_P99_RATIO = 2;
const BUDGET_THROUGHPUT_RATIO = 0.5;

const role = process.argv.includes('--role') ? process.argv[process.argv.indexOf('--role') + 1] : undefined;
const ready = (info: Record<string, unknown>) => console.log(`READY ${JSON.stringify(info)}`);

// ---- children -------------------------------------------------------------------------------

async function runFake(): Promise<void> {
  const { startFakeTelegramApi } = await import('../test/e2e/support/fake-telegram-api');
  const fake = await startFakeTelegramApi({ token: TOKEN });
  fake.setRecording(false);
  ready({ url: fake.url });
}

async function runBare(apiRoot: string): Promise<void> {
  const express = (await import('express')).default;
  const { Bot, webhookCallback } = await import('grammy');
  const { botInfoOf } = await import('../adapters/telegram/config');
  const bot = new Bot(TOKEN, { botInfo: botInfoOf({ token: TOKEN, botUsername: 'test_bot' }), client: { apiRoot } });
  bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
  const app = express();
  app.post('/telegram/webhook', express.json(), webhookCallback(bot, 'express', { secretToken: SECRET }));
  const server = app.listen(0, () => {
    const address = server.address();
    ready({ port: typeof address === 'object' && address ? address.port : 0 });
  });
}

/**
 * Our adapter alone (verify, parse, render, grammY send) with a stub engine answering one text:
 * tells the adapter's cost apart from the engine's and the database's.
 */
async function runAdapterOnly(apiRoot: string): Promise<void> {
  const express = (await import('express')).default;
  const { createTelegramAdapter, mountTelegram } = await import('../adapters/telegram');
  const { createLogger } = await import('../src/logger');
  const logger = createLogger('silent');
  const config = { token: TOKEN, webhookSecret: SECRET, apiRoot, botUsername: 'test_bot', publicUrl: 'http://127.0.0.1' };
  const adapter = createTelegramAdapter({ config, logger });
  const engine = { handle: async () => [{ body: { type: 'text' as const, text: 'help' } }] };
  const app = express();
  mountTelegram({ adapter, engine, logger })(app);
  const server = app.listen(0, () => {
    const address = server.address();
    ready({ port: typeof address === 'object' && address ? address.port : 0 });
  });
}

async function runApp(apiRoot: string): Promise<void> {
  const { createEndorse } = await import('../src/app');
  const { loadConfig } = await import('../src/config');
  const { createLogger } = await import('../src/logger');
  const { composeProduct } = await import('../src/product');
  const url = await recreateDatabase(BENCH_DB);
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    DATABASE_URL: url,
    DEMO_SEED: 'off',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    WEB_CHAT_ENABLED: 'false',
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: apiRoot,
    TELEGRAM_BOT_USERNAME: 'test_bot',
  });
  const endorse = await createEndorse(config, createLogger(config.logLevel), { compose: composeProduct });
  const db = endorse.database.prisma;
  const agency = await db.agency.create({ data: { name: 'Bench Agency', country: 'PH' } });
  for (let i = 0; i < USERS; i++) {
    const user = await db.user.create({
      data: {
        email: `bench${i}@example.test`,
        name: `Bench User ${i}`,
        role: 'AGENCY_USER',
        agencyId: agency.id,
        status: 'ACTIVE',
      },
    });
    const chatId = CHAT_BASE + i;
    await db.chatIdentity.create({
      data: { userId: user.id, platform: 'TELEGRAM', platformUserId: String(chatId), address: { chatId } },
    });
  }
  const server = await endorse.listen(0);
  const address = server.address();
  process.on('SIGTERM', () => {
    void endorse
      .stop()
      .then(() => dropDatabase(BENCH_DB))
      .finally(() => process.exit(0));
  });
  ready({ port: typeof address === 'object' && address ? address.port : 0 });
}

// ---- parent ---------------------------------------------------------------------------------

const startRole = (childRole: string, extra: string[] = []): Promise<Child> =>
  startChild(__filename, ['--role', childRole, ...extra]);

let nextUpdateId = 1;
/** A real-format text update (shape of the shared fixture update_text_message_entities.json). */
function textUpdate(): string {
  const updateId = nextUpdateId++;
  const chatId = CHAT_BASE + (updateId % USERS);
  const from = {
    id: chatId,
    is_bot: false,
    first_name: 'Bench',
    last_name: 'User',
    username: `bench${chatId}`,
    language_code: 'en',
  };
  return JSON.stringify({
    update_id: updateId,
    message: {
      message_id: updateId,
      from,
      chat: { id: chatId, first_name: 'Bench', type: 'private' },
      date: Math.floor(Date.now() / 1000),
      text: 'help',
    },
  });
}

interface Load {
  p50: number;
  p99: number;
  rps: number;
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
}

async function load(port: number, options: { seconds: number; connections: number; rate?: number }): Promise<Load> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/telegram/webhook`,
    connections: options.connections,
    duration: options.seconds,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        setupRequest: (req) => ({ ...req, body: textUpdate() }),
      },
    ],
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    sent: result.requests.sent,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function sendCount(fakeUrl: string): Promise<number> {
  const counts = (await (await fetch(`${fakeUrl}/_counts`)).json()) as Record<string, number>;
  return counts.sendMessage ?? 0;
}

/** CPU time (user + system) a child used so far, from /proc (Linux; 0 elsewhere). */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

interface Measured {
  name: string;
  rated: Load;
  max: Load;
  replies: number;
  answered: number;
  cpuPerUpdate: number;
}

/**
 * One phase (fixed rate, or max throughput) for each target in turn, so the machine's noise of the
 * moment falls on both alike; replies and CPU are counted around the target's own runs.
 */
async function measureAll(targets: { name: string; child: Child }[], fakeUrl: string): Promise<Measured[]> {
  const out = targets.map((t) => ({ ...t, port: Number(t.child.info.port), replies: 0, cpu: 0, runs: [] as Load[] }));
  const run = async (t: (typeof out)[number], options: Parameters<typeof load>[1]) => {
    const before = await sendCount(fakeUrl);
    const cpuBefore = cpuMs(t.child.process.pid);
    const result = await load(t.port, options);
    // Requests cut off at the end of a run may still be sending their reply.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    t.replies += (await sendCount(fakeUrl)) - before;
    t.cpu += cpuMs(t.child.process.pid) - cpuBefore;
    return result;
  };
  for (const t of out) await load(t.port, { seconds: WARMUP_SECONDS, connections: RATE_CONNECTIONS, rate: RATE_PER_S });
  for (const t of out) t.runs.push(await run(t, { seconds: SECONDS, connections: RATE_CONNECTIONS, rate: RATE_PER_S }));
  for (const t of out) t.runs.push(await run(t, { seconds: SECONDS, connections: MAX_CONNECTIONS }));
  return out.map((t) => {
    const [rated, max] = t.runs as [Load, Load];
    const answered = rated.ok + max.ok;
    return { name: t.name, rated, max, replies: t.replies, answered, cpuPerUpdate: t.cpu / Math.max(answered, 1) };
  });
}

async function main(): Promise<void> {
  console.log(
    `bench:telegram — ${SECONDS} s per run, ${RATE_PER_S} updates/s fixed rate (${RATE_CONNECTIONS} connections), max throughput with ${MAX_CONNECTIONS} connections`,
  );
  const fake = await startRole('fake');
  const fakeUrl = String(fake.info.url);
  const bare = await startRole('bare', ['--api', fakeUrl]);
  const adapterOnly = await startRole('adapter', ['--api', fakeUrl]);
  const app = await startRole('app', ['--api', fakeUrl]);
  try {
    const results = await measureAll(
      [
        { name: 'bare grammY echo', child: bare },
        { name: 'Endorse (PostgreSQL)', child: app },
        { name: 'our adapter, stub engine', child: adapterOnly },
      ],
      fakeUrl,
    );
    printTable(
      [
        'target',
        'p50 @200/s (ms)',
        'p99 @200/s (ms)',
        'max updates/s',
        'CPU ms/update',
        'non-2xx',
        'errors',
        'replies sent / 200 answers',
      ],
      results.map((r) => [
        r.name,
        formatMs(r.rated.p50),
        formatMs(r.rated.p99),
        r.max.rps.toFixed(0),
        r.cpuPerUpdate.toFixed(2),
        r.rated.non2xx + r.max.non2xx,
        r.rated.errors + r.max.errors,
        `${r.replies} / ${r.answered}`,
      ]),
      { align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] },
    );
    const [b, a, stub] = results as [Measured, Measured, Measured];
    const p99Ratio = a.rated.p99 / Math.max(b.rated.p99, 0.001);
    const throughputRatio = a.max.rps / Math.max(b.max.rps, 1);
    console.log(
      `(CPU ms/update: the target process only; PostgreSQL's share is not in it. Load average now: ${loadavg()[0]?.toFixed(1)})`,
    );
    console.log('');
    printTable(
      ['ratio (Endorse / bare)', 'value', 'budget', 'verdict'],
      [
        ['p50 @200/s', `${(a.rated.p50 / Math.max(b.rated.p50, 0.001)).toFixed(2)}×`, '—', '—'],
        ['p99 @200/s', `${p99Ratio.toFixed(2)}×`, `≤ ${BUDGET_P99_RATIO}×`, p99Ratio <= BUDGET_P99_RATIO ? 'within' : 'OVER'],
        [
          'max throughput',
          `${(throughputRatio * 100).toFixed(0)} %`,
          `≥ ${BUDGET_THROUGHPUT_RATIO * 100} %`,
          throughputRatio >= BUDGET_THROUGHPUT_RATIO ? 'within' : 'UNDER',
        ],
        [
          'adapter alone (stub engine): p99 / throughput',
          `${(stub.rated.p99 / Math.max(b.rated.p99, 0.001)).toFixed(2)}× / ${((stub.max.rps / Math.max(b.max.rps, 1)) * 100).toFixed(0)} %`,
          '(diagnostic)',
          '—',
        ],
      ],
      { align: ['left', 'right', 'right', 'left'] },
    );
  } finally {
    await Promise.all([stopChild(app), stopChild(adapterOnly), stopChild(bare), stopChild(fake)]);
  }
}

const api = process.argv[process.argv.indexOf('--api') + 1] ?? '';
const roles: Record<string, () => Promise<void>> = {
  fake: runFake,
  bare: () => runBare(api),
  adapter: () => runAdapterOnly(api),
  app: () => runApp(api),
};
const run = (role ? roles[role] : undefined)?.() ?? main();
run.catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
