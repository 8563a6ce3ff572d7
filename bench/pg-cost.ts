/**
 * `npm run bench:pg-cost` — what PostgreSQL spends on each step of bench:mix's script, measured
 * where it does not depend on the machine's load: statements per message, and the CPU time of the
 * backend that ran each statement, read from /proc/<backend pid>/schedstat (nanoseconds on CPU)
 * before and after it. A wait (a lock, a WAL flush) is not CPU and does not count.
 *
 * The whole app runs in this process on the mix's seed (100,000 candidates over 50 agencies,
 * Telegram, the fake Bot API), and people send their scripts one message at a time through the
 * signed webhook, so every statement is the step's own. Prints, per step, the messages, the
 * statements and the backend CPU µs per message; then the statements that cost the most in all.
 *
 * BENCH_DATABASE_URL names the server; the database is BENCH_DB or `endorse_bench_pg_cost` (dropped at the end
 * unless BENCH_KEEP=1). BENCH_PEOPLE (default 60) people each run BENCH_LOOPS (default 2) scripts.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { createEndorse } from '../src/compose';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { SYSTEM_ACTOR } from '../src/services';
import { benchAppEnv } from './support/bench-app';
import { dropDatabase, recreateDatabase } from './support/bench-database';
import { identityOf, MIX_SEED, MIX_SEED_SPEC, PEOPLE, personOf, type Step } from './support/mix-people';
import { seedCandidates } from './support/seed-candidates';
import { printTable } from './support/table';
import { knownCandidates, script } from './mix';

const DB = process.env.BENCH_DB ?? 'endorse_bench_pg_cost';
const PEOPLE_RUN = Number(process.env.BENCH_PEOPLE ?? 60);
const LOOPS = Number(process.env.BENCH_LOOPS ?? 2);

/**
 * The server's own processes (WAL writer, checkpointer, background writer, autovacuum): an
 * asynchronous commit hands its WAL flush to the WAL writer, so its CPU belongs beside the
 * backends'. They serve every database on the server: other work running meanwhile shows here too.
 */
function serverProcesses(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return /^postgres: .*(walwriter|checkpointer|background writer|autovacuum)/.test(
          readFileSync(`/proc/${pid}/cmdline`, 'utf8'),
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Nanoseconds the process has spent on a CPU so far (the scheduler's own count, not ticks). */
function cpuNs(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return 0;
  }
}

interface Cost {
  n: number;
  statements: number;
  ns: number;
}
const byStep = new Map<string, Cost>();
const byStatement = new Map<string, Cost & { text: string; sample: string }>();
let currentStep = 'setup';
let measuring = false;

const add = <K>(map: Map<K, Cost>, key: K, ns: number, statements = 1) => {
  const c = map.get(key) ?? { n: 0, statements: 0, ns: 0 };
  c.statements += statements;
  c.ns += ns;
  map.set(key, c);
  return c;
};

const clientQuery = Client.prototype.query;
Client.prototype.query = function (this: Client & { processID?: number }, ...args: unknown[]) {
  if (!measuring) return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
  const pid = this.processID ?? 0;
  const first = args[0] as string | { text?: string; callback?: unknown };
  const text = (typeof first === 'string' ? first : (first?.text ?? '?')).replace(/\s+/g, ' ').trim();
  const values = typeof first === 'string' ? args[1] : (first as { values?: unknown[] })?.values;
  const step = currentStep;
  const done = () => {
    const ns = cpuNs(pid) - before;
    add(byStep, step, ns);
    const key = `${step}\u0000${text}`;
    const s = byStatement.get(key) ?? { n: 0, statements: 0, ns: 0, text, sample: JSON.stringify(values ?? []) };
    s.statements++;
    s.ns += ns;
    byStatement.set(key, s);
  };
  // pg.Pool passes a callback (last argument); a checked-out client's caller awaits the promise.
  const last = args.length - 1;
  const callback = args[last];
  if (typeof callback === 'function')
    args[last] = (...r: unknown[]) => {
      done();
      return (callback as (...a: unknown[]) => unknown)(...r);
    };
  const before = cpuNs(pid);
  const result = (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
  if (typeof callback !== 'function' && result instanceof Promise) result.then(done, done);
  return result;
} as typeof Client.prototype.query;

function telegramBody(k: number, step: Step, id: number): string {
  const chatId = Number(identityOf('telegram', k).platformUserId);
  const from = { id: chatId, is_bot: false, first_name: 'Mix', last_name: `User ${k}`, language_code: 'en' };
  const chat = { id: chatId, first_name: 'Mix', type: 'private' };
  const date = Math.floor(Date.now() / 1000);
  if (step.kind === 'action') {
    const data = step.value === undefined ? step.actionId : `${step.actionId} ${step.value}`;
    return JSON.stringify({
      update_id: id,
      callback_query: {
        id: String(id),
        from,
        chat_instance: String(chatId),
        message: { message_id: id, chat, date, text: '…' },
        data,
      },
    });
  }
  const text = step.kind === 'text' ? step.text : '';
  return JSON.stringify({ update_id: id, message: { message_id: id, from, chat, date, text } });
}

async function main(): Promise<void> {
  const { startFakeTelegramApi } = await import('../test/e2e/support/fake-telegram-api');
  const fake = await startFakeTelegramApi({ token: MIX_SEED.telegramToken });
  fake.setRecording(false);
  const url = await recreateDatabase(DB);
  const config = loadConfig(
    benchAppEnv(url, {
      TELEGRAM_BOT_TOKEN: MIX_SEED.telegramToken,
      TELEGRAM_WEBHOOK_SECRET: MIX_SEED.telegramSecret,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_BOT_USERNAME: 'test_bot',
    }),
  );
  const endorse = await createEndorse(config, createLogger('silent'));
  try {
    const base = await seedCandidates(endorse.database.sql, MIX_SEED_SPEC);
    await endorse.database.prisma.chatIdentity.createMany({
      data: Array.from({ length: PEOPLE }, (_, k) => {
        const who = identityOf('telegram', k);
        return {
          userId: personOf(k).userId,
          platform: 'TELEGRAM' as const,
          platformUserId: who.platformUserId,
          address: who.address,
        };
      }),
    });
    await endorse.database.sql.exec('ANALYZE');
    const known = await knownCandidates(url, { repeatable: 1 });
    const server = await endorse.listen(0);
    const port = (server.address() as { port: number }).port;
    const recruiter = await endorse.database.prisma.user.findUniqueOrThrow({ where: { id: base.recruiterId } });
    const key = await endorse.services.createApiKey(SYSTEM_ACTOR, {
      name: 'pg-cost',
      scope: 'RECRUITER',
      userEmail: recruiter.email,
    });
    let update = 1;
    const send = async (k: number, step: Step) => {
      const response = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': MIX_SEED.telegramSecret },
        body: telegramBody(k, step, update++),
      });
      if (!response.ok) throw new Error(`webhook answered ${response.status}`);
      await response.arrayBuffer();
    };
    // People spread over the agencies, admins and users alike; each runs whole scripts.
    const people = Array.from({ length: PEOPLE_RUN }, (_, i) => Math.floor((i * PEOPLE) / PEOPLE_RUN));
    const run = async (loops: number, from: number) => {
      for (let loop = from; loop < from + loops; loop++)
        for (const k of people)
          for (const step of script(k, loop, known, false)) {
            currentStep = step.label.replace(/ \((new|previous|duplicate)\)$/, '');
            await send(k, step);
          }
    };
    await run(1, 0); // warm-up: every prepared statement on every connection, caches filled
    const pids = await backendPids(url);
    const all0 = new Map(pids.map((p) => [p, cpuNs(p)]));
    const server0 = new Map(serverProcesses().map((p) => [p, cpuNs(p)]));
    measuring = true;
    let messages = 0;
    const counted = new Map<string, number>();
    for (let loop = 1; loop <= LOOPS; loop++)
      for (const k of people)
        for (const step of script(k, loop, known, false)) {
          currentStep = step.label.replace(/ \((new|previous|duplicate)\)$/, '');
          counted.set(currentStep, (counted.get(currentStep) ?? 0) + 1);
          messages++;
          await send(k, step);
        }
    // The REST API's recruiter comment (bench:mix relays 5/s beside the chat traffic).
    currentStep = 'API comment';
    const refs = [...known.byAgency.values()].flat().map((c) => c.ref);
    for (let i = 0; i < 100; i++) {
      counted.set(currentStep, (counted.get(currentStep) ?? 0) + 1);
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/candidates/C-${refs[(i * 37) % refs.length]}/comments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'Please confirm the candidate’s availability for an interview this week.' }),
      });
      await response.arrayBuffer();
    }
    await new Promise((resolve) => setTimeout(resolve, 500)); // notifications queued by the last ones
    measuring = false;
    // A connection that ended meanwhile reads 0 now: it is left out rather than counted negative.
    const allNs = [...all0].reduce((sum, [pid, ns]) => sum + Math.max(0, cpuNs(pid) - ns), 0);
    const serverNs = [...server0].reduce((sum, [pid, ns]) => sum + Math.max(0, cpuNs(pid) - ns), 0);
    const stepNs = [...byStep.values()].reduce((sum, c) => sum + c.ns, 0);
    const stepStatements = [...byStep.entries()]
      .filter(([s]) => s !== 'API comment')
      .reduce((sum, [, c]) => sum + c.statements, 0);
    const stepOnlyNs = [...byStep.entries()].filter(([s]) => s !== 'API comment').reduce((sum, [, c]) => sum + c.ns, 0);
    console.log(
      `\nPostgreSQL per step (backend CPU from /proc/<pid>/schedstat), ${messages} chat messages, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    printTable(
      ['step', 'messages', 'statements/msg', 'PG CPU µs/msg', 'µs/statement'],
      [...counted].map(([step, n]) => {
        const c = byStep.get(step) ?? { n: 0, statements: 0, ns: 0 };
        return [
          step,
          n,
          (c.statements / n).toFixed(2),
          (c.ns / n / 1000).toFixed(0),
          (c.ns / Math.max(1, c.statements) / 1000).toFixed(0),
        ];
      }),
      { align: ['left', 'right', 'right', 'right', 'right'] },
    );
    console.log(
      `\nchat messages: ${(stepStatements / messages).toFixed(2)} statements/msg, ${(stepOnlyNs / messages / 1000).toFixed(0)} µs PG CPU/msg; every backend of the database, API comments and background work included: ${(allNs / 1e6).toFixed(0)} ms (statements measured: ${(stepNs / 1e6).toFixed(0)} ms); the server's WAL writer, checkpointer, background writer and autovacuum, all databases: ${(serverNs / 1e6).toFixed(0)} ms\n`,
    );
    const top = [...byStatement.entries()].sort((a, b) => b[1].ns - a[1].ns).slice(0, Number(process.env.BENCH_TOP ?? 25));
    printTable(
      ['step', 'calls', 'µs/call', 'total ms', 'statement'],
      top.map(([key, s]) => [
        key.split('\u0000')[0] ?? '',
        s.statements,
        (s.ns / s.statements / 1000).toFixed(0),
        (s.ns / 1e6).toFixed(0),
        s.text.slice(0, 110),
      ]),
      { align: ['left', 'right', 'right', 'right', 'left'] },
    );
    // BENCH_DUMP=<file>: every statement measured, with the parameters of its first call, to EXPLAIN.
    if (process.env.BENCH_DUMP)
      writeFileSync(
        process.env.BENCH_DUMP,
        JSON.stringify(
          [...byStatement].map(([key, s]) => ({
            step: key.split('\u0000')[0],
            calls: s.statements,
            us: s.ns / s.statements / 1000,
            text: s.text,
            params: s.sample,
          })),
          null,
          1,
        ),
      );
    // Whether each prepared statement got a generic plan or is planned on every call (one connection's view).
    const prepared = await endorse.database.driver.query<{ generic_plans: string; custom_plans: string; statement: string }>(
      `SELECT generic_plans, custom_plans, statement FROM pg_prepared_statements ORDER BY custom_plans DESC`,
    );
    printTable(
      ['generic plans', 'custom plans', 'statement'],
      prepared.map((p) => [p.generic_plans, p.custom_plans, p.statement.replace(/\s+/g, ' ').trim().slice(0, 110)]),
      { align: ['right', 'right', 'left'] },
    );
  } finally {
    await endorse.stop();
    await fake.close();
    if (process.env.BENCH_KEEP !== '1') await dropDatabase(DB);
  }
}

async function backendPids(url: string): Promise<number[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
