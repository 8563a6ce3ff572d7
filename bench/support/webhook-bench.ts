import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import type { Child } from './child-process';
import { postgresCpu, postgresCpuSince, processCpuMs, processMemoryMb } from './cpu';
import { closedLoad, pacedLoad, type PacedLoadResult } from './paced-load';
import { median } from './stats';
import { formatMs, printTable } from './table';

/**
 * The side-by-side webhook benchmark of DESIGN §6: a bare echo bot, our app and our adapter with a
 * stub engine, each in its own process, loaded with real-format requests. First p50/p99 at a fixed
 * rate, arrivals evenly spaced (paced-load.ts), then the maximum throughput, closed loop.
 *
 * Answer-side (Telegram, Teams: the webhook answers when the work is done): a request's latency
 * runs to its HTTP answer, and the closed loop is autocannon's. Reply-side (`spec.settled`; Slack,
 * whose webhook answers before the work): a request's latency runs to the arrival of its last
 * reply at the fake platform API, and each closed-loop sender waits for that before its next
 * request, so the maximum throughput counts messages whose replies are all in.
 *
 * The machine is shared and noisy, so the phases run in rounds, every target once per round and
 * back to back, the order rotating; a ratio is taken within a round (bare and app measured a few
 * seconds apart) and the verdict is the median of the rounds' ratios.
 */

export interface WebhookBenchSpec {
  /** `bench:<name>`. */
  name: string;
  /** Said after the knobs in the title, e.g. how many users. */
  note?: string;
  /** What one request is, and many: 'update' / 'updates', 'activity' / 'activities'. */
  unit: string;
  units: string;
  path: string;
  /** The same for every request, or per body (Slack's signature is over the body). */
  headers: Record<string, string> | ((body: string) => Record<string, string>);
  /**
   * A fresh request body (new ids every call, so idempotency does not drop it), for the target
   * named (`bare`, `app`, `stub`): scripted users keep one script position per target.
   */
  body: (target: TargetRole) => string;
  /** Told when a body's request was answered (scripted users send their next message after it). */
  answered?: (target: TargetRole, body: string) => void;
  /** Replies the fake platform API received so far (all targets share it). */
  replyCount: () => Promise<number>;
  /**
   * Reply-side timing: when (performance.now()) the last reply to the request with this body
   * reached the fake platform API, or null when not all came in time. Asked before the request
   * leaves.
   */
  settled?: (target: TargetRole, body: string) => Promise<number | null>;
}

/** The knobs every platform benchmark shares; the budget is DESIGN §6's. */
export const WEBHOOK_BENCH = {
  ratePerS: 200,
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  warmupSeconds: 3,
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  maxConnections: 32,
  budget: { p99Ratio: 2, throughputRatio: 0.5 },
} as const;

export type TargetRole = 'bare' | 'app' | 'stub';

export interface WebhookTargets {
  bare: { name: string; child: Child };
  app: { name: string; child: Child };
  stub: { name: string; child: Child };
}

type Load = PacedLoadResult;

/** The median ratios of Endorse to the bare echo, and whether they are within the budget. */
export interface WebhookBenchVerdict {
  p99Ratio: number;
  throughputRatio: number;
  within: boolean;
}

interface Tally {
  role: TargetRole;
  name: string;
  port: number;
  pid: number | undefined;
  rated: Load[];
  max: Load[];
  replies: number;
  cpuMs: number;
  postgresCpuMs: number;
  idleRssMb: number;
}

type Run = { kind: 'rated'; seconds: number } | { kind: 'max'; seconds: number; connections: number };

async function load(spec: WebhookBenchSpec, t: Pick<Tally, 'port' | 'role'>, run: Run): Promise<Load> {
  const url = `http://127.0.0.1:${t.port}${spec.path}`;
  const body = () => spec.body(t.role);
  const onAnswered = (sent: string) => spec.answered?.(t.role, sent);
  const settle = spec.settled;
  const settled = settle ? { settled: (sent: string) => settle(t.role, sent) } : {};
  if (run.kind === 'rated')
    return pacedLoad({
      url,
      headers: spec.headers,
      body,
      onAnswered,
      ...settled,
      ratePerS: WEBHOOK_BENCH.ratePerS,
      seconds: run.seconds,
    });
  if (settle)
    return closedLoad({
      url,
      headers: spec.headers,
      body,
      onAnswered,
      ...settled,
      connections: run.connections,
      seconds: run.seconds,
    });
  const headers = spec.headers;
  const result = await autocannon({
    url,
    connections: run.connections,
    duration: run.seconds,
    requests: [
      {
        method: 'POST',
        ...(typeof headers === 'function' ? {} : { headers }),
        // The context is per connection: it carries the body sent until its response is in.
        setupRequest: (req, context) => {
          const sent = body();
          (context as { sent?: string }).sent = sent;
          return { ...req, body: sent, ...(typeof headers === 'function' ? { headers: headers(sent) } : {}) };
        },
        onResponse: (_status, _body, context) => onAnswered((context as { sent?: string }).sent ?? ''),
      },
    ],
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    lost: 0,
  };
}

/** One run on one target, with its replies and CPU (its own and PostgreSQL's) counted around it. */
async function measured(spec: WebhookBenchSpec, t: Tally, run: Run) {
  const replies = await spec.replyCount();
  const cpu = processCpuMs(t.pid);
  const pg = postgresCpu();
  const result = await load(spec, t, run);
  // Requests cut off at the end of a run may still be sending their reply.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  t.replies += (await spec.replyCount()) - replies;
  t.cpuMs += processCpuMs(t.pid) - cpu;
  t.postgresCpuMs += postgresCpuSince(pg);
  return result;
}

const rotate = <T>(list: T[], by: number): T[] => list.map((_, i) => list[(i + by) % list.length] as T);
const ratio = (a: number, b: number) => a / Math.max(b, 0.001);
const times = (value: number) => `${value.toFixed(2)}×`;
const percent = (value: number) => `${(value * 100).toFixed(0)} %`;

export async function runWebhookBench(spec: WebhookBenchSpec, targets: WebhookTargets): Promise<WebhookBenchVerdict> {
  const k = WEBHOOK_BENCH;
  console.log(
    `bench:${spec.name} — ${k.rounds} rounds of ${k.seconds} s runs: ${k.ratePerS} ${spec.units}/s evenly paced, then max throughput (${k.maxConnections} connections)${spec.note ? `; ${spec.note}` : ''}`,
  );
  const tally = (role: TargetRole, t: { name: string; child: Child }): Tally => ({
    role,
    name: t.name,
    port: Number(t.child.info.port),
    pid: t.child.process.pid,
    rated: [],
    max: [],
    replies: 0,
    cpuMs: 0,
    postgresCpuMs: 0,
    // Started, set up, nothing handled yet (DESIGN §6 budgets idle and loaded memory).
    idleRssMb: processMemoryMb(t.child.process.pid).rss,
  });
  const [bare, app, stub] = [tally('bare', targets.bare), tally('app', targets.app), tally('stub', targets.stub)];
  const all = [bare, app, stub];
  for (const t of all) await load(spec, t, { kind: 'rated', seconds: WEBHOOK_BENCH.warmupSeconds });
  for (let round = 0; round < WEBHOOK_BENCH.rounds; round++) {
    const order = rotate(all, round);
    for (const t of order) t.rated.push(await measured(spec, t, { kind: 'rated', seconds: WEBHOOK_BENCH.seconds }));
    for (const t of order)
      t.max.push(
        await measured(spec, t, { kind: 'max', seconds: WEBHOOK_BENCH.seconds, connections: WEBHOOK_BENCH.maxConnections }),
      );
    console.error(`round ${round + 1}/${WEBHOOK_BENCH.rounds} done`);
  }

  const answered = (t: Tally) => [...t.rated, ...t.max].reduce((sum, l) => sum + l.ok, 0);
  const sum = (t: Tally, key: 'non2xx' | 'errors' | 'lost') => [...t.rated, ...t.max].reduce((s, l) => s + l[key], 0);
  const replySide = spec.settled !== undefined;
  const to = replySide ? ', to the last reply' : '';
  printTable(
    [
      'target (medians of the rounds)',
      `p50 @${WEBHOOK_BENCH.ratePerS}/s${to} (ms)`,
      `p99 @${WEBHOOK_BENCH.ratePerS}/s${to} (ms)`,
      replySide ? `max ${spec.units}/s, replies all in` : `max ${spec.units}/s`,
      `CPU ms/${spec.unit}`,
      `PostgreSQL CPU ms/${spec.unit}`,
      'non-2xx',
      'errors',
      ...(replySide ? ['replies not in within 10 s'] : []),
      `replies sent / 2xx answers`,
      'RSS idle / peak (MB)',
    ],
    all.map((t) => [
      t.name,
      formatMs(median(t.rated.map((l) => l.p50))),
      formatMs(median(t.rated.map((l) => l.p99))),
      median(t.max.map((l) => l.rps)).toFixed(0),
      (t.cpuMs / Math.max(answered(t), 1)).toFixed(2),
      (t.postgresCpuMs / Math.max(answered(t), 1)).toFixed(2),
      sum(t, 'non2xx'),
      sum(t, 'errors'),
      ...(replySide ? [sum(t, 'lost')] : []),
      `${t.replies} / ${answered(t)}`,
      `${t.idleRssMb.toFixed(0)} / ${processMemoryMb(t.pid).peak.toFixed(0)}`,
    ]),
    { align: ['left', ...Array<'right'>(replySide ? 10 : 9).fill('right')] },
  );
  console.log(
    `(CPU ms/${spec.unit}: the target's process, and every PostgreSQL process on the machine while it ran. Load average now: ${loadavg()[0]?.toFixed(1)})`,
  );
  console.log('');

  const perRound = (t: Tally, pick: (rated: Load, max: Load) => number) =>
    t.rated.map((rated, i) => pick(rated, t.max[i] as Load));
  const ratios = (t: Tally, metric: 'p50' | 'p99' | 'rps') =>
    perRound(t, (rated, max) => (metric === 'rps' ? max.rps : rated[metric])).map((v, i) =>
      ratio(v, metric === 'rps' ? (bare.max[i] as Load).rps : (bare.rated[i] as Load)[metric]),
    );
  const p99Ratio = median(ratios(app, 'p99'));
  const throughputRatio = median(ratios(app, 'rps'));
  const verdict: WebhookBenchVerdict = {
    p99Ratio,
    throughputRatio,
    within: p99Ratio <= WEBHOOK_BENCH.budget.p99Ratio && throughputRatio >= WEBHOOK_BENCH.budget.throughputRatio,
  };
  printTable(
    ['ratio (Endorse / bare), median of the rounds', 'value', 'each round', 'budget', 'verdict'],
    [
      ['p50 @200/s', times(median(ratios(app, 'p50'))), ratios(app, 'p50').map(times).join(' '), '—', '—'],
      [
        'p99 @200/s',
        times(p99Ratio),
        ratios(app, 'p99').map(times).join(' '),
        `≤ ${WEBHOOK_BENCH.budget.p99Ratio}×`,
        p99Ratio <= WEBHOOK_BENCH.budget.p99Ratio ? 'within' : 'OVER',
      ],
      [
        'max throughput',
        percent(throughputRatio),
        ratios(app, 'rps').map(percent).join(' '),
        `≥ ${percent(WEBHOOK_BENCH.budget.throughputRatio)}`,
        throughputRatio >= WEBHOOK_BENCH.budget.throughputRatio ? 'within' : 'UNDER',
      ],
      [
        'adapter alone (stub engine): p99 / throughput',
        `${times(median(ratios(stub, 'p99')))} / ${percent(median(ratios(stub, 'rps')))}`,
        '',
        '(diagnostic)',
        '—',
      ],
    ],
    { align: ['left', 'right', 'right', 'right', 'left'] },
  );
  return verdict;
}
