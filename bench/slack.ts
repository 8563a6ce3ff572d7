/**
 * `npm run bench:slack` — issue 6, must-show 3 (DESIGN §6): in one run, side by side, a bare Bolt
 * echo app (ExpressReceiver, `say()` the text back) and our running app (real PostgreSQL, the whole
 * path: signature, Bolt, parse, idempotency, identity, dialog state, reply), both answering
 * through the same local fake Web API, loaded with signed real-format message.im events.
 *
 * Both acknowledge before they work (Slack's 3 s rule), so the HTTP answer says little: latency
 * here is end to end, from posting the event to the reply's chat.postMessage reaching the fake
 * API (the fake runs in this process and reports each call as it arrives). A third row runs our
 * Slack adapter with a stub engine, to tell the adapter's share from the engine's. Throughput counts
 * replies, not acks. Runs: a fixed 200 events/s (open loop), then the maximum (closed loop: 32
 * conversations each sending its next message as soon as the previous one was answered).
 *
 * The two apps each run in a child process. Each run is bounded (BENCH_SECONDS, default 20).
 * BENCH_DATABASE_URL names the PostgreSQL server (default postgresql://postgres@127.0.0.1:5432/postgres);
 * the app child creates and drops its own database `endorse_bench_slack`.
 */
import type { ChildProcess } from 'node:child_process';
import type { BlockAction } from '@slack/bolt';
import { reportListening, startChild, stopChild } from './support/child-process';
import { seedBenchUsers, serveBenchApp, startBenchApp } from './support/bench-app';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { signSlackBody } from '../adapters/slack/verify';
import { postgresCpu, postgresCpuSince, processCpuMs, processMemoryMb } from './support/cpu';
import { median, percentile } from './support/stats';
import { formatMs, printTable } from './support/table';
import { adminQuery } from './support/bench-database';
import { MIX_SEED } from './support/mix-people';

// The same app credentials as bench:mix, which reuses this file's bare app and stub adapter.
const SIGNING_SECRET = MIX_SEED.slackSigningSecret;
const TEAM = MIX_SEED.slackTeam;
const TOKEN = MIX_SEED.slackToken;
const USERS = 256;
const RATE_PER_S = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_SECONDS = 3;
const MAX_CONVERSATIONS = 32;
const REPLY_TIMEOUT_MS = 10_000;
const BENCH_DB = 'endorse_bench_slack';
const BUDGET_P99_RATIO = 2;
const BUDGET_THROUGHPUT_RATIO = 0.5;
/** What each user says; `help` (the default) walks the engine's whole command path and answers with Block Kit. */
const MESSAGE_TEXT = process.env.BENCH_TEXT ?? 'help';
const FIXTURE = path.resolve(__dirname, '../../shared/fixtures/slack/events_message_im.json');

const role = process.argv[process.argv.indexOf('--role') + 1];
const apiUrlArg = process.argv[process.argv.indexOf('--api') + 1] ?? '';
const userId = (i: number) => `UBENCH${String(i).padStart(5, '0')}`;
const dmOf = (user: string) => `D${user.slice(1)}`;

// ---- children -------------------------------------------------------------------------------

async function runBare(apiUrl: string): Promise<void> {
  const { App, ExpressReceiver, LogLevel } = await import('@slack/bolt');
  const receiver = new ExpressReceiver({ signingSecret: SIGNING_SECRET, logLevel: LogLevel.ERROR });
  const app = new App({ receiver, token: TOKEN, clientOptions: { slackApiUrl: apiUrl }, logLevel: LogLevel.ERROR });
  app.message(async ({ message, say }) => {
    if ('text' in message && message.text) await say(message.text);
  });
  // bench:mix presses buttons and submits modals too; every request gets one reply, so that its
  // reply-side timing sees each of them end (the echo of a press is its action id).
  app.action<BlockAction>({ type: 'block_actions' }, async ({ ack, say, action }) => {
    await ack();
    await say(action.action_id);
  });
  app.view(/.*/, async ({ ack, view, client }) => {
    await ack();
    const channel = (JSON.parse(view.private_metadata) as { c: string }).c;
    await client.chat.postMessage({ channel, text: view.callback_id });
  });
  reportListening(await receiver.start(0));
}

/** Our Slack adapter (verify, parse, render, send) with a stub engine: the adapter's own share. */
async function runAdapterOnly(apiUrl: string): Promise<void> {
  const express = (await import('express')).default;
  const { createSlackAdapter } = await import('../adapters/slack');
  const { mountChannel } = await import('../src/http/webhook');
  const { createLogger } = await import('../src/logger');
  const logger = createLogger('silent');
  const adapter = createSlackAdapter(
    { signingSecret: SIGNING_SECRET, botToken: TOKEN, oauth: null, apiUrl, publicUrl: 'http://127.0.0.1' },
    { logger },
  );
  const reply = { body: { type: 'text' as const, text: 'I understand commands like `help`.' } };
  const app = express();
  mountChannel(adapter, {
    engine: { handle: async () => [reply] },
    logger,
    markUnreachable: async () => undefined,
    sendLater: async () => undefined,
  })(app);
  const server = app.listen(0, () => reportListening(server));
}

async function runApp(apiUrl: string): Promise<void> {
  const endorse = await startBenchApp(BENCH_DB, {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_API_URL: apiUrl,
  });
  // Diagnostic only (BENCH_SYNC_COMMIT=off): shows how much of our latency is each event's commit fsync.
  if (process.env.BENCH_SYNC_COMMIT === 'off') await adminQuery(`ALTER DATABASE ${BENCH_DB} SET synchronous_commit = off`);
  await seedBenchUsers(endorse, USERS, (i) => ({
    platform: 'SLACK',
    workspaceId: TEAM.id,
    platformUserId: userId(i),
    address: { teamId: TEAM.id, channel: dmOf(userId(i)), userId: userId(i) },
  }));
  await serveBenchApp(endorse, BENCH_DB);
}

// ---- parent: the fake API and the load driver ---------------------------------------------------

interface AppChild {
  process: ChildProcess;
  port: number;
}

async function startRole(childRole: string, apiUrl: string): Promise<AppChild> {
  // BENCH_CPU_PROF=<dir> writes a CPU profile of our app's process there (for finding where time goes).
  const nodeArgs =
    process.env.BENCH_CPU_PROF && childRole === 'app' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // The app logs to stdout; with BENCH_LOG_LEVEL set its lines are passed on (to stderr).
  const onLine = process.env.BENCH_LOG_LEVEL ? (line: string) => console.error(line) : undefined;
  const child = await startChild(__filename, ['--role', childRole, '--api', apiUrl], { nodeArgs, onLine });
  return { process: child.process, port: Number(child.info.port) };
}

/** Per DM channel, the requests still waiting for their reply (oldest first). */
const waiting = new Map<string, ((at: number) => void)[]>();
function onReply(channel: string): void {
  waiting.get(channel)?.shift()?.(performance.now());
}
function replyFor(channel: string): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), REPLY_TIMEOUT_MS);
    const list = waiting.get(channel) ?? [];
    list.push((at) => {
      clearTimeout(timer);
      resolve(at);
    });
    waiting.set(channel, list);
  });
}

const template = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { event: Record<string, unknown> } & Record<string, unknown>;
let seq = 0;
/** A signed message.im event (the shared fixture's shape) saying MESSAGE_TEXT from user `i`. */
function signedEvent(i: number): { body: string; headers: Record<string, string> } {
  const id = userId(i);
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;
  const body = JSON.stringify({
    ...template,
    team_id: TEAM.id,
    authed_teams: [TEAM.id],
    event_id: `EvBENCH${process.pid}x${seq}`,
    event: { ...template.event, channel: dmOf(id), user: id, text: MESSAGE_TEXT, ts, event_ts: ts },
  });
  const stamp = String(Math.floor(Date.now() / 1000));
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'x-slack-request-timestamp': stamp,
      'x-slack-signature': signSlackBody(SIGNING_SECRET, stamp, body),
    },
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 128 });
function postEvent(port: number, i: number): Promise<number> {
  const { body, headers } = signedEvent(i);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Sample {
  ackMs: number;
  replyMs: number | null;
  ok: boolean;
}

/** One message end to end: post, ack, then wait for its reply at the fake API. */
async function roundTrip(port: number, i: number): Promise<Sample> {
  const started = performance.now();
  const reply = replyFor(dmOf(userId(i)));
  const status = await postEvent(port, i).catch(() => 0);
  const ackMs = performance.now() - started;
  const at = await reply;
  return { ackMs, replyMs: at === null ? null : at - started, ok: status === 200 };
}

async function openLoop(port: number, seconds: number, rate: number): Promise<Sample[]> {
  const pending: Promise<Sample>[] = [];
  const start = performance.now();
  const total = Math.round(seconds * rate);
  for (let n = 0; n < total; n++) {
    const due = start + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(roundTrip(port, n % USERS));
  }
  return Promise.all(pending);
}

async function closedLoop(
  port: number,
  seconds: number,
  conversations: number,
): Promise<{ samples: Sample[]; elapsedMs: number }> {
  const samples: Sample[] = [];
  const start = performance.now();
  const until = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: conversations }, async (_, worker) => {
      // Each conversation uses its own users, so no two workers wait on the same DM.
      for (let k = 0; performance.now() < until; k++)
        samples.push(await roundTrip(port, worker + conversations * (k % (USERS / conversations))));
    }),
  );
  return { samples, elapsedMs: performance.now() - start };
}

interface Round {
  ackP99: number;
  replyP50: number;
  replyP99: number;
  ratedLost: number;
  maxPerS: number;
  maxReplyP99: number;
  maxLost: number;
}

interface Tally {
  name: string;
  target: AppChild;
  rounds: Round[];
  replies: number;
  cpuMs: number;
  postgresCpuMs: number;
  /** Started and set up, nothing handled yet; and the peak over the whole run (DESIGN §6). */
  rssMb: { idle: number; peak: number };
}

function summarize(samples: Sample[]) {
  const replies = samples.map((s) => s.replyMs).filter((v): v is number => v !== null);
  return {
    ackP99: percentile(
      samples.map((s) => s.ackMs),
      99,
    ),
    p50: replies.length ? percentile(replies, 50) : NaN,
    p99: replies.length ? percentile(replies, 99) : NaN,
    lost: samples.filter((s) => s.replyMs === null || !s.ok).length,
    replied: replies.length,
  };
}

/** Waits until no reply has been outstanding for a moment (a backlog from the last run is drained), bounded. */
async function drained(): Promise<void> {
  const until = Date.now() + 20_000;
  while ([...waiting.values()].some((l) => l.length > 0) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500));
}

/** One run on one target, its CPU (its own and PostgreSQL's) counted around it. */
async function counted<T extends { replied: number }>(t: Tally, run: () => Promise<T>): Promise<T> {
  const cpu = processCpuMs(t.target.process.pid);
  const pg = postgresCpu();
  const result = await run();
  await drained();
  t.cpuMs += processCpuMs(t.target.process.pid) - cpu;
  t.postgresCpuMs += postgresCpuSince(pg);
  t.replies += result.replied;
  return result;
}

const rotate = <T>(list: T[], by: number): T[] => list.map((_, i) => list[(i + by) % list.length] as T);
const times = (value: number) => `${value.toFixed(2)}×`;
const percent = (value: number) => `${(value * 100).toFixed(0)} %`;

async function main(): Promise<void> {
  console.log(
    `bench:slack — ${ROUNDS} rounds of ${SECONDS} s runs; ${RATE_PER_S} events/s open loop, then max throughput closed loop over ${MAX_CONVERSATIONS} conversations; latency = event posted → reply at the fake Web API`,
  );
  const { startFakeSlackApi } = await import('../test/e2e/support/fake-slack-api');
  const fake = await startFakeSlackApi({
    onCall: (method, body) => {
      if (method === 'chat.postMessage') onReply(String(body.channel));
    },
  });
  fake.setRecording(false);
  fake.addToken(TOKEN, TEAM);
  const tallies: Tally[] = [];
  try {
    for (const [name, childRole] of [
      ['bare Bolt echo', 'bare'],
      ['Endorse (Slack)', 'app'],
      ['Slack adapter, stub engine', 'adapter'],
    ] as const) {
      const target = await startRole(childRole, fake.apiUrl);
      const idle = processMemoryMb(target.process.pid).rss;
      tallies.push({ name, target, rounds: [], replies: 0, cpuMs: 0, postgresCpuMs: 0, rssMb: { idle, peak: 0 } });
    }
    for (const t of tallies) {
      await openLoop(t.target.port, WARMUP_SECONDS, RATE_PER_S);
      await drained();
    }
    // Every target once per round, back to back, the order rotating: a ratio is taken within a
    // round, and the verdict is the median of the rounds' ratios (the machine is shared and noisy).
    for (let round = 0; round < ROUNDS; round++) {
      const order = rotate(tallies, round);
      const rated = new Map<Tally, ReturnType<typeof summarize>>();
      for (const t of order)
        rated.set(t, await counted(t, async () => summarize(await openLoop(t.target.port, SECONDS, RATE_PER_S))));
      for (const t of order) {
        const max = await counted(t, async () => {
          const run = await closedLoop(t.target.port, SECONDS, MAX_CONVERSATIONS);
          return { ...summarize(run.samples), elapsedMs: run.elapsedMs };
        });
        const r = rated.get(t) as ReturnType<typeof summarize>;
        t.rounds.push({
          ackP99: r.ackP99,
          replyP50: r.p50,
          replyP99: r.p99,
          ratedLost: r.lost,
          maxPerS: (max.replied * 1000) / max.elapsedMs,
          maxReplyP99: max.p99,
          maxLost: max.lost,
        });
      }
      console.error(`round ${round + 1}/${ROUNDS} done`);
    }
  } finally {
    for (const t of tallies) t.rssMb.peak = processMemoryMb(t.target.process.pid).peak;
    await Promise.all(tallies.map((t) => stopChild(t.target)));
    await fake.close();
    agent.destroy();
  }

  const med = (t: Tally, key: keyof Round) => median(t.rounds.map((r) => r[key]));
  const sum = (t: Tally, key: 'ratedLost' | 'maxLost') => t.rounds.reduce((s, r) => s + r[key], 0);
  printTable(
    [
      'target (medians of the rounds)',
      'ack p99 @200/s',
      'reply p50 @200/s',
      'reply p99 @200/s',
      'lost @200/s',
      'max replies/s',
      'reply p99 @max',
      'lost @max',
      'CPU ms/reply',
      'PostgreSQL CPU ms/reply',
      'RSS idle / peak (MB)',
    ],
    tallies.map((t) => [
      t.name,
      formatMs(med(t, 'ackP99')),
      formatMs(med(t, 'replyP50')),
      formatMs(med(t, 'replyP99')),
      sum(t, 'ratedLost'),
      med(t, 'maxPerS').toFixed(0),
      formatMs(med(t, 'maxReplyP99')),
      sum(t, 'maxLost'),
      (t.cpuMs / Math.max(t.replies, 1)).toFixed(2),
      (t.postgresCpuMs / Math.max(t.replies, 1)).toFixed(2),
      `${t.rssMb.idle.toFixed(0)} / ${t.rssMb.peak.toFixed(0)}`,
    ]),
    { align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] },
  );
  console.log(`(CPU ms/reply: the target's process, and every PostgreSQL process on the machine while it ran.)`);
  console.log('');
  const [bare, ours, adapterOnly] = tallies as [Tally, Tally, Tally];
  const ratios = (t: Tally, key: 'replyP99' | 'maxPerS') =>
    t.rounds.map((r, i) => r[key] / Math.max((bare.rounds[i] as Round)[key], 0.001));
  printTable(
    [
      'ratio, median of the rounds',
      'reply p99 @200/s',
      'each round',
      `budget ≤ ${BUDGET_P99_RATIO}×`,
      'max replies/s',
      'each round',
      `budget ≥ ${percent(BUDGET_THROUGHPUT_RATIO)}`,
    ],
    (
      [
        ['whole app (Endorse / bare)', ours],
        ['adapter only (stub engine / bare)', adapterOnly],
      ] as const
    ).map(([label, t]) => {
      const p99 = median(ratios(t, 'replyP99'));
      const throughput = median(ratios(t, 'maxPerS'));
      return [
        label,
        times(p99),
        ratios(t, 'replyP99').map(times).join(' '),
        p99 <= BUDGET_P99_RATIO ? 'within' : 'OVER',
        percent(throughput),
        ratios(t, 'maxPerS').map(percent).join(' '),
        throughput >= BUDGET_THROUGHPUT_RATIO ? 'within' : 'UNDER',
      ];
    }),
  );
}

if (role === 'bare') void runBare(apiUrlArg);
else if (role === 'adapter') void runAdapterOnly(apiUrlArg);
else if (role === 'app') void runApp(apiUrlArg);
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
