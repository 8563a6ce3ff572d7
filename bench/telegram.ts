/**
 * `npm run bench:telegram` — issue 5, must-show 3 (DESIGN §6): in one run, side by side, a bare
 * grammY echo bot (webhookCallback on express) and our running app (real PostgreSQL, the whole
 * path: secret check, parse, idempotency, identity, dialog state, reply), both answering through
 * the same fake Bot API and loaded with autocannon posting real-format updates with the secret
 * header. Figures: p50/p99 at a fixed 200 updates/s, then the maximum throughput, in rounds
 * (support/webhook-bench.ts says how they are compared).
 *
 * The fake API, the bare bot and our app each run in a child process, so autocannon (here) does
 * not share an event loop with what it measures. Each run is bounded: BENCH_ROUNDS (default 3)
 * rounds of BENCH_SECONDS (default 10) per run.
 * BENCH_DATABASE_URL names the PostgreSQL server (default postgresql://postgres@127.0.0.1:5432/postgres);
 * the app child creates and drops its own database `endorse_bench_telegram`.
 */
import { reportListening, reportReady, startChild, stopChild, type Child } from './support/child-process';
import { seedBenchUsers, serveBenchApp, startBenchApp } from './support/bench-app';
import { runWebhookBench } from './support/webhook-bench';

const TOKEN = '123456789:AABenchToken_abcdefghijklmnopqrstuv';
const SECRET = 'bench-telegram-webhook-secret-0123456789';
const USERS = 64;
const CHAT_BASE = 900_000_001;
const BENCH_DB = 'endorse_bench_telegram';

const role = process.argv.includes('--role') ? process.argv[process.argv.indexOf('--role') + 1] : undefined;
// A clean exit on SIGTERM, so a child run with --cpu-prof writes its profile.
if (role) process.once('SIGTERM', () => process.exit(0));

// ---- children -------------------------------------------------------------------------------

async function runFake(): Promise<void> {
  const { startFakeTelegramApi } = await import('../test/e2e/support/fake-telegram-api');
  const fake = await startFakeTelegramApi({ token: TOKEN });
  fake.setRecording(false);
  reportReady({ url: fake.url });
}

async function runBare(apiRoot: string): Promise<void> {
  const express = (await import('express')).default;
  const { Bot, webhookCallback } = await import('grammy');
  const { botInfoOf } = await import('../adapters/telegram/config');
  const bot = new Bot(TOKEN, { botInfo: botInfoOf({ token: TOKEN, botUsername: 'test_bot' }), client: { apiRoot } });
  bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
  const app = express();
  app.post('/telegram/webhook', express.json(), webhookCallback(bot, 'express', { secretToken: SECRET }));
  const server = app.listen(0, () => reportListening(server));
}

/**
 * Our adapter alone (verify, parse, render, grammY send) with a stub engine answering one text:
 * tells the adapter's cost apart from the engine's and the database's.
 */
async function runAdapterOnly(apiRoot: string): Promise<void> {
  const express = (await import('express')).default;
  const { createTelegramAdapter } = await import('../adapters/telegram');
  const { mountChannel } = await import('../src/http/webhook');
  const { createLogger } = await import('../src/logger');
  const logger = createLogger('silent');
  const config = { token: TOKEN, webhookSecret: SECRET, apiRoot, botUsername: 'test_bot', publicUrl: 'http://127.0.0.1' };
  const adapter = createTelegramAdapter(config, { logger });
  const engine = { handle: async () => [{ body: { type: 'text' as const, text: 'help' } }] };
  const app = express();
  mountChannel(adapter, { engine, logger, markUnreachable: async () => undefined, sendLater: async () => undefined })(app);
  const server = app.listen(0, () => reportListening(server));
}

async function runApp(apiRoot: string): Promise<void> {
  const endorse = await startBenchApp(BENCH_DB, {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: apiRoot,
    TELEGRAM_BOT_USERNAME: 'test_bot',
  });
  await seedBenchUsers(endorse, USERS, (i) => ({
    platform: 'TELEGRAM',
    platformUserId: String(CHAT_BASE + i),
    address: { chatId: CHAT_BASE + i },
  }));
  await serveBenchApp(endorse, BENCH_DB);
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

async function sendCount(fakeUrl: string): Promise<number> {
  const counts = (await (await fetch(`${fakeUrl}/_counts`)).json()) as Record<string, number>;
  return counts.sendMessage ?? 0;
}

async function main(): Promise<void> {
  const fake = await startRole('fake');
  const fakeUrl = String(fake.info.url);
  const bare = await startRole('bare', ['--api', fakeUrl]);
  const adapterOnly = await startRole('adapter', ['--api', fakeUrl]);
  const app = await startRole('app', ['--api', fakeUrl]);
  try {
    await runWebhookBench(
      {
        name: 'telegram',
        unit: 'update',
        units: 'updates',
        path: '/telegram/webhook',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: textUpdate,
        replyCount: () => sendCount(fakeUrl),
      },
      {
        bare: { name: 'bare grammY echo', child: bare },
        app: { name: 'Endorse (PostgreSQL)', child: app },
        stub: { name: 'our adapter, stub engine', child: adapterOnly },
      },
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
