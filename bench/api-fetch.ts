/**
 * `npm run bench:api-fetch` — what one platform Web API call leaves in the old generation, for the
 * three ways our adapters could make it: the global fetch, the global fetch with
 * `AbortSignal.timeout` (what @slack/web-api does when given a `timeout`), and our `createApiFetch`
 * (adapters/shared/api-fetch.ts). Bytes that reach the old generation are what make V8 run a full
 * mark-compact, and those pauses were the reply p99 of `bench:slack` (issue 6).
 *
 * Each way runs in its own child process (a fresh heap), calling a local server in this process
 * with a chat.postMessage-sized form body, evenly paced at 200 calls/s for BENCH_SECONDS (default
 * 10), BENCH_ROUNDS times (default 3); the table shows medians of the rounds. "Old generation
 * growth" adds up how much the old space grew across scavenges, read when the GC observer runs
 * (shortly after, sometimes once for several): close to what they promoted, good for comparing
 * the three ways. Full collections are counted apart.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { createApiFetch } from '../adapters/shared/api-fetch';
import { reportReady, startChild, stopChild } from './support/child-process';
import { median, percentile } from './support/stats';
import { formatMs, printTable } from './support/table';

const RATE_PER_S = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TIMEOUT_MS = 10_000;
const WAYS = {
  fetch: 'global fetch',
  'fetch-timeout': 'global fetch + AbortSignal.timeout',
  'api-fetch': 'createApiFetch (ours)',
} as const;
type Way = keyof typeof WAYS;

const role = process.argv.includes('--way') ? (process.argv[process.argv.indexOf('--way') + 1] as Way) : null;

interface Result {
  promotedKbPerCall: number;
  markCompactsPer1000: number;
  cpuMsPerCall: number;
  p50: number;
  p99: number;
}

/** The child: one way, paced calls, its own heap watched. */
async function runWay(way: Way, url: string): Promise<void> {
  const apiFetch = createApiFetch({ timeoutMs: TIMEOUT_MS });
  const call: (body: string) => Promise<Response> =
    way === 'api-fetch'
      ? (body) => apiFetch(url, { method: 'POST', body, headers: FORM })
      : way === 'fetch-timeout'
        ? (body) => fetch(url, { method: 'POST', body, headers: FORM, signal: AbortSignal.timeout(TIMEOUT_MS) })
        : (body) => fetch(url, { method: 'POST', body, headers: FORM });
  const oldSpaceUsed = () => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')?.space_used_size ?? 0;
  let promoted = 0;
  let markCompacts = 0;
  let counting = false;
  let previous = oldSpaceUsed();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const used = oldSpaceUsed();
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      if (counting && kind === 1 && used > previous) promoted += used - previous;
      if (counting && kind === 4) markCompacts++;
      previous = used;
    }
  }).observe({ entryTypes: ['gc'] });

  const body = `channel=D0001&text=${encodeURIComponent('x'.repeat(400))}&blocks=${encodeURIComponent(JSON.stringify(BLOCKS))}`;
  const paced = async (seconds: number) => {
    const latencies: number[] = [];
    const pending: Promise<void>[] = [];
    const start = performance.now();
    const total = Math.round(seconds * RATE_PER_S);
    for (let n = 0; n < total; n++) {
      const wait = start + (n * 1000) / RATE_PER_S - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const sent = performance.now();
      pending.push(
        call(body)
          .then((res) => res.json())
          .then(() => void latencies.push(performance.now() - sent)),
      );
    }
    await Promise.all(pending);
    return latencies;
  };

  await paced(2); // warm-up: JIT, connections
  counting = true;
  const cpu = process.cpuUsage();
  const latencies = await paced(SECONDS);
  const used = process.cpuUsage(cpu);
  counting = false;
  const calls = latencies.length;
  const result: Result = {
    promotedKbPerCall: promoted / 1024 / calls,
    markCompactsPer1000: (markCompacts * 1000) / calls,
    cpuMsPerCall: (used.user + used.system) / 1000 / calls,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
  reportReady({ ...result });
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const BLOCKS = [
  { type: 'section', text: { type: 'mrkdwn', text: '*Commands*' } },
  { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Submit' }, action_id: 'a1' }] },
];

async function main(): Promise<void> {
  console.log(`bench:api-fetch — ${ROUNDS} rounds of ${SECONDS} s at ${RATE_PER_S} calls/s per way, each way in a fresh process`);
  const answer = JSON.stringify({ ok: true, channel: 'D0001', ts: '1700000000.000100', message: { text: 'x'.repeat(400) } });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/chat.postMessage`;
  const results = new Map<Way, Result[]>();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const way of Object.keys(WAYS) as Way[]) {
        const child = await startChild(__filename, ['--way', way, '--url', url]);
        results.set(way, [...(results.get(way) ?? []), child.info as unknown as Result]);
        await stopChild(child);
      }
      console.error(`round ${round + 1}/${ROUNDS} done`);
    }
  } finally {
    server.close();
  }
  const med = (way: Way, key: keyof Result) => median((results.get(way) ?? []).map((r) => r[key]));
  printTable(
    [
      'way (medians of the rounds)',
      'old generation growth KB/call',
      'mark-compacts per 1,000 calls',
      'CPU ms/call',
      'p50',
      'p99',
    ],
    (Object.keys(WAYS) as Way[]).map((way) => [
      WAYS[way],
      med(way, 'promotedKbPerCall').toFixed(1),
      med(way, 'markCompactsPer1000').toFixed(2),
      med(way, 'cpuMsPerCall').toFixed(3),
      formatMs(med(way, 'p50')),
      formatMs(med(way, 'p99')),
    ]),
    { align: ['left', 'right', 'right', 'right', 'right', 'right'] },
  );
  console.log(
    `ours / global fetch, old generation growth: ${(med('api-fetch', 'promotedKbPerCall') / med('fetch', 'promotedKbPerCall')).toFixed(2)}×`,
  );
}

if (role) void runWay(role, process.argv[process.argv.indexOf('--url') + 1] ?? '');
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
