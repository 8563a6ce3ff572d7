/**
 * `npm run bench:teams` — issue 7, must-show 3 (DESIGN §6): in one run, side by side, a bare
 * botbuilder echo bot (CloudAdapter on express) and our running app (real PostgreSQL, the whole
 * path: parse, idempotency, identity, dialog state, Adaptive Card / text render, reply through the
 * Bot Connector client), both answering through the same fake Bot Connector and loaded with
 * autocannon posting real-format personal-chat activities (shared fixture message_personal.json).
 * Figures: p50/p99 at a fixed 200 activities/s, then the maximum throughput.
 *
 * Both run in local (Emulator) mode, without JWTs: verifying a token costs the same on both sides
 * and would need Entra ID for the replies. The fake connector, the bare bot and our app each run in
 * a child process, so autocannon (here) does not share an event loop with what it measures. Each
 * run is bounded (BENCH_SECONDS, default 20). BENCH_DATABASE_URL names the PostgreSQL server
 * (default postgresql://postgres@127.0.0.1:5432/postgres); the app child creates and drops its own
 * database `endorse_bench_teams`.
 */
import { startChild, stopChild, type Child } from './support/child-process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { formatMs, printTable } from './support/table';
import { dropDatabase, recreateDatabase } from './support/bench-database';

/** Many users, so 200/s and beyond stay under Teams' 7 messages/s per conversation (our limiter). */
const USERS = 256;
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const RATE_PER_S = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = 3;
const RATE_CONNECTIONS = 16;
const MAX_CONNECTIONS = 32;
const BENCH_DB = 'endorse_bench_teams';
const BUDGET_P99_RATIO = 2;
const BUDGET_THROUGHPUT_RATIO = 0.5;
const BOT = { id: '28:c9e8c047-2a74-40a2-b28a-b162d5f5327c', name: 'Teams TestBot' };
const FIXTURE = path.resolve(__dirname, '../../shared/fixtures/teams/message_personal.json');

const role = process.argv[process.argv.indexOf('--role') + 1];
const ready = (info: Record<string, unknown>) => console.log(`READY ${JSON.stringify(info)}`);

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
  ready({ url: fake.serviceUrl });
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
  const server = app.listen(0, () => {
    const address = server.address();
    ready({ port: typeof address === 'object' && address ? address.port : 0 });
  });
}

/**
 * Diagnostic: our adapter and route (parse, limiter, render, botbuilder turn) with an engine that
 * echoes without touching the database, to tell the adapter's cost from the engine's.
 */
async function runStub(): Promise<void> {
  const express = (await import('express')).default;
  const { createTeamsAdapter, mountTeams } = await import('../adapters/teams');
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
  const adapter = createTeamsAdapter({ config, logger });
  const engine = {
    handle: async (event: { payload: { type: string; text?: string } }) =>
      event.payload.type === 'text' ? [{ body: { type: 'text' as const, text: event.payload.text ?? '' } }] : [],
  };
  const app = express();
  mountTeams({ adapter, engine, logger })(app);
  const server = app.listen(0, () => {
    const address = server.address();
    ready({ port: typeof address === 'object' && address ? address.port : 0 });
  });
}

async function runApp(serviceUrl: string): Promise<void> {
  const { createEndorse } = await import('../src/app');
  const { loadConfig } = await import('../src/config');
  const { createLogger } = await import('../src/logger');
  const { composeProduct } = await import('../src/product');
  const url = await recreateDatabase(BENCH_DB);
  const config = loadConfig({
    // Local mode is refused under NODE_ENV=production; nothing else here depends on it.
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: url,
    DEMO_SEED: 'off',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    WEB_CHAT_ENABLED: 'false',
    TEAMS_ENABLED: 'true',
  });
  const endorse = await createEndorse(config, createLogger(config.logLevel), { compose: composeProduct });
  const db = endorse.database.prisma;
  const agency = await db.agency.create({ data: { name: 'Bench Agency', country: 'PH' } });
  const users = Array.from({ length: USERS }, (_, i) => ({
    id: randomUUID(),
    email: `bench${i}@example.test`,
    name: `Bench User ${i}`,
    role: 'AGENCY_USER' as const,
    agencyId: agency.id,
    status: 'ACTIVE' as const,
  }));
  await db.user.createMany({ data: users });
  await db.chatIdentity.createMany({
    data: users.map((u, i) => ({
      userId: u.id,
      platform: 'TEAMS' as const,
      workspaceId: TENANT,
      platformUserId: userOf(i).aadObjectId,
      // As the install left it, so the first message does not have to store it.
      address: addressOf(i, serviceUrl),
    })),
  });
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

interface Load {
  p50: number;
  p99: number;
  rps: number;
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
}

async function load(
  port: number,
  serviceUrl: string,
  options: { seconds: number; connections: number; rate?: number },
): Promise<Load> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/messages`,
    connections: options.connections,
    duration: options.seconds,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: messageActivity(serviceUrl) }),
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

async function replyCount(serviceUrl: string): Promise<number> {
  const counts = (await (await fetch(`${serviceUrl}_counts`)).json()) as Record<string, number>;
  return counts.POST ?? 0;
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

async function measure(name: string, target: Child, serviceUrl: string) {
  const port = Number(target.info.port);
  await load(port, serviceUrl, { seconds: WARMUP_SECONDS, connections: RATE_CONNECTIONS, rate: RATE_PER_S });
  const before = await replyCount(serviceUrl);
  const cpuBefore = cpuMs(target.process.pid);
  const rated = await load(port, serviceUrl, { seconds: SECONDS, connections: RATE_CONNECTIONS, rate: RATE_PER_S });
  const max = await load(port, serviceUrl, { seconds: SECONDS, connections: MAX_CONNECTIONS });
  // Requests cut off at the end of a run may still be sending their reply.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const replies = (await replyCount(serviceUrl)) - before;
  const cpuPerActivity = (cpuMs(target.process.pid) - cpuBefore) / Math.max(rated.ok + max.ok, 1);
  console.error(`${name}: done`);
  return { name, rated, max, replies, answered: rated.ok + max.ok, cpuPerActivity };
}

async function main(): Promise<void> {
  console.log(
    `bench:teams — ${SECONDS} s per run, ${RATE_PER_S} activities/s fixed rate (${RATE_CONNECTIONS} connections), max throughput with ${MAX_CONNECTIONS} connections, ${USERS} users`,
  );
  const fake = await startRole('fake');
  const serviceUrl = String(fake.info.url);
  const bare = await startRole('bare');
  const app = await startRole('app', ['--service-url', serviceUrl]);
  const stub = await startRole('stub');
  try {
    const results = [];
    results.push(await measure('bare botbuilder echo', bare, serviceUrl));
    results.push(await measure('Endorse (PostgreSQL)', app, serviceUrl));
    results.push(await measure('our adapter, stub engine', stub, serviceUrl));
    printTable(
      [
        'target',
        'p50 @200/s (ms)',
        'p99 @200/s (ms)',
        'max activities/s',
        'CPU ms/activity',
        'non-2xx',
        'errors',
        'replies sent / 200 answers',
      ],
      results.map((r) => [
        r.name,
        formatMs(r.rated.p50),
        formatMs(r.rated.p99),
        r.max.rps.toFixed(0),
        r.cpuPerActivity.toFixed(2),
        r.rated.non2xx + r.max.non2xx,
        r.rated.errors + r.max.errors,
        `${r.replies} / ${r.answered}`,
      ]),
      { align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] },
    );
    const [b, a, st] = results as [(typeof results)[0], (typeof results)[0], (typeof results)[0]];
    const p99Ratio = a.rated.p99 / Math.max(b.rated.p99, 0.001);
    const throughputRatio = a.max.rps / Math.max(b.max.rps, 1);
    console.log(
      `(CPU ms/activity: the target process only; PostgreSQL's share is not in it. Load average now: ${loadavg()[0]?.toFixed(1)})`,
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
          `${(st.rated.p99 / Math.max(b.rated.p99, 0.001)).toFixed(2)}× / ${((st.max.rps / Math.max(b.max.rps, 1)) * 100).toFixed(0)} %`,
          '(diagnostic)',
          '—',
        ],
      ],
      { align: ['left', 'right', 'right', 'left'] },
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
