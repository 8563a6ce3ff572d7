/**
 * `npm run bench:teams` — issue 7, must-show 3 (DESIGN §6): in one run, side by side, a bare
 * botbuilder echo bot (CloudAdapter on express) and our running app (real PostgreSQL, the whole
 * path: parse, idempotency, identity, dialog state, Adaptive Card / text render, reply through the
 * Bot Connector client), both answering through the same fake Bot Connector and loaded with
 * autocannon posting real-format personal-chat activities (shared fixture message_personal.json).
 * Figures: p50/p99 at a fixed 200 activities/s, then the maximum throughput, in rounds
 * (support/webhook-bench.ts says how they are compared).
 *
 * Both run in local (Emulator) mode, without JWTs: verifying a token costs the same on both sides
 * and would need Entra ID for the replies. The fake connector, the bare bot and our app each run in
 * a child process, so autocannon (here) does not share an event loop with what it measures. Each
 * run is bounded: BENCH_ROUNDS (default 3) rounds of BENCH_SECONDS (default 10). BENCH_DATABASE_URL names the PostgreSQL server
 * (default postgresql://postgres@127.0.0.1:5432/postgres); the app child creates and drops its own
 * database `endorse_bench_teams`.
 */
import { reportListening, reportReady, startChild, stopChild, type Child } from './support/child-process';
import { seedBenchUsers, serveBenchApp, startBenchApp } from './support/bench-app';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runWebhookBench } from './support/webhook-bench';

/** Many users, so 200/s and beyond stay under Teams' 7 messages/s per conversation (our limiter). */
const USERS = 256;
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BENCH_DB = 'endorse_bench_teams';
const BOT = { id: '28:c9e8c047-2a74-40a2-b28a-b162d5f5327c', name: 'Teams TestBot' };
const FIXTURE = path.resolve(__dirname, '../../shared/fixtures/teams/message_personal.json');

const role = process.argv[process.argv.indexOf('--role') + 1];

/** The user behind activity `n`: stable ids, so the app child can link them all beforehand. */
const userOf = (i: number) => ({
  id: `29:bench-user-${i}`,
  aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  conversationId: `a:bench-conversation-${i}`,
});

/** The conversation reference the adapter stores for user `i` (adapters/teams/parse.ts addressOf). */
const addressOf = (i: number, serviceUrl: string) => {
  const user = userOf(i);
  return {
    serviceUrl,
    channelId: 'msteams',
    conversation: { id: user.conversationId, conversationType: 'personal', tenantId: TENANT },
    bot: { id: BOT.id, name: BOT.name },
    user: { id: user.id, name: 'Bench User', aadObjectId: user.aadObjectId },
    locale: 'en-US',
  };
};

// ---- children -------------------------------------------------------------------------------

async function runFake(): Promise<void> {
  const { startFakeBotConnector } = await import('../test/e2e/support/fake-bot-connector');
  const fake = await startFakeBotConnector();
  fake.setRecording(false);
  reportReady({ url: fake.serviceUrl });
}

async function runBare(): Promise<void> {
  const express = (await import('express')).default;
  const { CloudAdapter, ConfigurationBotFrameworkAuthentication } = await import('botbuilder');
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const app = express();
  app.post('/api/messages', express.json(), async (req, res) => {
    await adapter.process(req, res, async (context) => {
      if (context.activity.type === 'message') await context.sendActivity(context.activity.text ?? '');
    });
  });
  const server = app.listen(0, () => reportListening(server));
}

/**
 * Diagnostic: our adapter and route (parse, limiter, render, botbuilder turn) with an engine that
 * echoes without touching the database, to tell the adapter's cost from the engine's.
 */
async function runStub(): Promise<void> {
  const express = (await import('express')).default;
  const { createTeamsAdapter } = await import('../adapters/teams');
  const { mountChannel } = await import('../src/http/webhook');
  const { createLogger } = await import('../src/logger');
  const logger = createLogger('silent');
  const config = {
    appId: null,
    appPassword: null,
    appTenantId: null,
    appType: 'MultiTenant' as const,
    nodeEnv: 'test' as const,
    openIdMetadataUrl: null,
  };
  const adapter = createTeamsAdapter(config, { logger });
  const engine = {
    handle: async (event: { payload: { type: string; text?: string } }) =>
      event.payload.type === 'text' ? [{ body: { type: 'text' as const, text: event.payload.text ?? '' } }] : [],
  };
  const app = express();
  mountChannel(adapter, { engine, logger, markUnreachable: async () => undefined, sendLater: async () => undefined })(app);
  const server = app.listen(0, () => reportListening(server));
}

async function runApp(serviceUrl: string): Promise<void> {
  // Local mode is refused under NODE_ENV=production; nothing else here depends on it.
  const endorse = await startBenchApp(BENCH_DB, { NODE_ENV: 'test', TEAMS_ENABLED: 'true' });
  await seedBenchUsers(endorse, USERS, (i) => ({
    platform: 'TEAMS',
    workspaceId: TENANT,
    platformUserId: userOf(i).aadObjectId,
    // As the install left it, so the first message does not have to store it.
    address: addressOf(i, serviceUrl),
  }));
  await serveBenchApp(endorse, BENCH_DB);
}

// ---- parent ---------------------------------------------------------------------------------

const startRole = (childRole: string, extra: string[] = []): Promise<Child> =>
  startChild(__filename, ['--role', childRole, ...extra]);

const sample = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
let nextActivity = 1;
/** A real-format personal-chat message (the shared fixture), from one of USERS, with a fresh id. */
function messageActivity(serviceUrl: string): string {
  const n = nextActivity++;
  const user = userOf(n % USERS);
  return JSON.stringify({
    ...sample,
    id: String(1_700_000_000_000 + n),
    timestamp: new Date().toISOString(),
    serviceUrl,
    from: { id: user.id, name: 'Bench User', aadObjectId: user.aadObjectId },
    recipient: BOT,
    conversation: { conversationType: 'personal', id: user.conversationId, tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    text: 'help',
    attachments: [{ contentType: 'text/html', content: '<p>help</p>' }],
  });
}

async function replyCount(serviceUrl: string): Promise<number> {
  const counts = (await (await fetch(`${serviceUrl}_counts`)).json()) as Record<string, number>;
  return counts.POST ?? 0;
}

async function main(): Promise<void> {
  const fake = await startRole('fake');
  const serviceUrl = String(fake.info.url);
  const bare = await startRole('bare');
  const app = await startRole('app', ['--service-url', serviceUrl]);
  const stub = await startRole('stub');
  try {
    await runWebhookBench(
      {
        name: 'teams',
        note: `${USERS} users`,
        unit: 'activity',
        units: 'activities',
        path: '/api/messages',
        headers: { 'content-type': 'application/json' },
        body: () => messageActivity(serviceUrl),
        replyCount: () => replyCount(serviceUrl),
      },
      {
        bare: { name: 'bare botbuilder echo', child: bare },
        app: { name: 'Endorse (PostgreSQL)', child: app },
        stub: { name: 'our adapter, stub engine', child: stub },
      },
    );
  } finally {
    await Promise.all([stopChild(app), stopChild(stub), stopChild(bare), stopChild(fake)]);
  }
}

const serviceUrlArg = process.argv[process.argv.indexOf('--service-url') + 1] ?? '';
const run =
  role === 'fake'
    ? runFake()
    : role === 'bare'
      ? runBare()
      : role === 'app'
        ? runApp(serviceUrlArg)
        : role === 'stub'
          ? runStub()
          : main();
run.catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
