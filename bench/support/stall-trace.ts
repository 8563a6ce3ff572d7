import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Client } from 'pg';
import { formatMs, printTable } from './table';

/**
 * What happened around the slowest messages of a benchmark (BENCH_TRACE=1): event-loop stalls,
 * GC pauses, the statements that were out (client-side, from call to answer, so pool and lock
 * waits count) and what PostgreSQL's backends were waiting on. The backends are sampled from a
 * worker thread, so a stalled main loop does not stop the sampling that would explain it.
 */

interface Span {
  start: number;
  end: number;
  label: string;
}

/** One message the benchmark timed: when it was due, when it was answered, what it was. */
export interface TracedMessage {
  due: number;
  end: number;
  label: string;
}

const LAG_TICK_MS = 5;
const LAG_REPORT_MS = 20;
const STATEMENT_REPORT_MS = 20;
const PG_SAMPLE_MS = 20;

type QueryFn = (...args: unknown[]) => unknown;

/** Times every pg client query of this process (Prisma's included: it runs on the same driver). */
function traceStatements(statements: Span[]): () => void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pg = require('pg') as { Client: { prototype: { query: QueryFn } } };
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function traced(this: unknown, ...args: unknown[]) {
    const start = performance.now();
    const first = args[0] as string | { text?: string; name?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? first?.name ?? '?');
    const label = text.replace(/\s+/g, ' ').trim().slice(0, 110);
    const done = () => statements.push({ start, end: performance.now(), label });
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (...cbArgs: unknown[]) => {
        done();
        return (last as QueryFn)(...cbArgs);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(done, done);
    return result;
  };
  return () => {
    pg.Client.prototype.query = original;
  };
}

const SAMPLER = `
const { parentPort, workerData } = require('node:worker_threads');
const { Client } = require(workerData.pgPath);
const perf = require('node:perf_hooks').performance;
const client = new Client({ connectionString: workerData.url });
const samples = [];
let stop = false;
parentPort.on('message', () => { stop = true; });
(async () => {
  await client.connect();
  const origin = workerData.origin;
  while (!stop) {
    const at = perf.timeOrigin + perf.now() - origin;
    const r = await client.query(
      "SELECT wait_event_type, wait_event, state, left(regexp_replace(query, '\\\\s+', ' ', 'g'), 90) AS q," +
      " extract(epoch FROM clock_timestamp() - query_start) * 1000 AS ms FROM pg_stat_activity" +
      " WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'");
    for (const row of r.rows) samples.push({ at, wait: row.wait_event ? row.wait_event_type + ':' + row.wait_event : 'CPU', state: row.state, q: row.q, ms: Number(row.ms) });
    await new Promise((res) => setTimeout(res, workerData.every));
  }
  await client.end();
  parentPort.postMessage(samples);
})().catch((e) => { parentPort.postMessage({ error: String(e) }); });
`;

interface PgSample {
  at: number;
  wait: string;
  state: string;
  q: string;
  ms: number;
}

export interface StallTrace {
  /** Stops tracing and prints the report for the messages given. */
  report(messages: readonly TracedMessage[], worst?: number): Promise<void>;
}

/** Starts tracing this process and the backends of the database at `databaseUrl`. */
export async function startStallTrace(databaseUrl: string): Promise<StallTrace> {
  // Slow statements and lock waits land in the server log as well.
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`SET log_lock_waits = on`).catch(() => undefined);
  await admin.end();

  const statements: Span[] = [];
  const gcs: Span[] = [];
  const lags: Span[] = [];
  const untrace = traceStatements(statements);
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const gcKinds: Record<number, string> = { 1: 'scavenge', 2: 'mark-compact', 4: 'incremental', 8: 'weak-cb' };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0;
      gcs.push({ start: e.startTime, end: e.startTime + e.duration, label: gcKinds[kind] ?? `gc ${kind}` });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const ticker = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const lag = now - last - LAG_TICK_MS;
    // CPU the process used meanwhile: near the gap, our own work held the loop; far below it, the
    // machine did not run us (other processes on the same cores).
    const used = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
    if (lag > LAG_REPORT_MS) {
      lags.push({ start: last + LAG_TICK_MS, end: now, label: `loop blocked ${formatMs(lag)} ms (${formatMs(used)} ms CPU)` });
    }
    last = now;
    lastCpu = cpu;
  }, LAG_TICK_MS);
  const worker = new Worker(SAMPLER, {
    eval: true,
    workerData: { url: databaseUrl, every: PG_SAMPLE_MS, pgPath: require.resolve('pg'), origin: performance.timeOrigin },
  });
  const pgSamples = new Promise<PgSample[]>((resolve) =>
    worker.once('message', (m: PgSample[] | { error: string }) => resolve(Array.isArray(m) ? m : [])),
  );

  return {
    async report(messages, worst = 4) {
      clearInterval(ticker);
      observer.disconnect();
      histogram.disable();
      untrace();
      worker.postMessage('stop');
      const samples = await pgSamples;
      await worker.terminate();

      const gcTotal = new Map<string, { n: number; ms: number; max: number }>();
      for (const g of gcs) {
        const t = gcTotal.get(g.label) ?? { n: 0, ms: 0, max: 0 };
        const ms = g.end - g.start;
        gcTotal.set(g.label, { n: t.n + 1, ms: t.ms + ms, max: Math.max(t.max, ms) });
      }
      console.log(
        `\nTrace: event-loop delay p50 ${formatMs(histogram.percentile(50) / 1e6)} ms, p99 ${formatMs(histogram.percentile(99) / 1e6)} ms, max ${formatMs(histogram.max / 1e6)} ms; ${lags.length} blocks > ${LAG_REPORT_MS} ms`,
      );
      printTable(
        ['gc', 'n', 'total ms', 'max ms'],
        [...gcTotal].map(([k, v]) => [k, v.n, formatMs(v.ms), formatMs(v.max)]),
        { align: ['left', 'right', 'right', 'right'] },
      );
      const slow = new Map<string, { n: number; ms: number; max: number }>();
      for (const s of statements) {
        const ms = s.end - s.start;
        if (ms < STATEMENT_REPORT_MS) continue;
        const t = slow.get(s.label) ?? { n: 0, ms: 0, max: 0 };
        slow.set(s.label, { n: t.n + 1, ms: t.ms + ms, max: Math.max(t.max, ms) });
      }
      console.log(`\nStatements over ${STATEMENT_REPORT_MS} ms from call to answer (of ${statements.length}):`);
      printTable(
        ['statement', 'n', 'total ms', 'max ms'],
        [...slow]
          .sort((a, b) => b[1].ms - a[1].ms)
          .slice(0, 12)
          .map(([k, v]) => [k, v.n, formatMs(v.ms), formatMs(v.max)]),
        { align: ['left', 'right', 'right', 'right'] },
      );
      const waits = new Map<string, number>();
      for (const s of samples) waits.set(`${s.wait} ${s.state}`, (waits.get(`${s.wait} ${s.state}`) ?? 0) + 1);
      console.log(`\nBackends seen busy, by wait event (${samples.length} backend samples every ${PG_SAMPLE_MS} ms):`);
      printTable(['wait', 'samples'], [...waits].sort((a, b) => b[1] - a[1]).slice(0, 10), { align: ['left', 'right'] });

      const overlapping = <T extends { start: number; end: number }>(spans: readonly T[], m: TracedMessage) =>
        spans.filter((s) => s.end >= m.due && s.start <= m.end);
      const slowest = [...messages].sort((a, b) => b.end - b.due - (a.end - a.due)).slice(0, worst);
      console.log(`\nThe ${worst} slowest messages and what overlapped them:`);
      for (const m of slowest) {
        console.log(`- ${m.label}: ${formatMs(m.end - m.due)} ms (due at ${formatMs(m.due)})`);
        for (const g of overlapping(gcs, m).filter((g) => g.end - g.start > 5))
          console.log(`    gc ${g.label} ${formatMs(g.end - g.start)} ms at ${formatMs(g.start)}`);
        for (const l of overlapping(lags, m)) console.log(`    ${l.label} at ${formatMs(l.start)}`);
        for (const s of overlapping(statements, m)
          .filter((s) => s.end - s.start > STATEMENT_REPORT_MS)
          .sort((a, b) => b.end - b.start - (a.end - a.start))
          .slice(0, 6))
          console.log(`    sql ${formatMs(s.end - s.start)} ms at ${formatMs(s.start)}: ${s.label}`);
        for (const p of samples.filter((p) => p.at >= m.due && p.at <= m.end && p.ms > STATEMENT_REPORT_MS).slice(0, 6))
          console.log(`    backend ${p.wait} ${p.state} ${formatMs(p.ms)} ms: ${p.q}`);
      }
    },
  };
}
