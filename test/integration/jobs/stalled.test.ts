import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Redis from 'ioredis';
import { createBullQueue } from '../../../src/jobs/bull-queue';
import type { JobQueue } from '../../../src/jobs';
import { createLogger } from '../../../src/logger';
import { STALL_AFTER_MS, stallProbeJob } from './support/stall-probe';

/**
 * Issue 16 (break 1's aftermath): a job whose worker process is killed mid-run (SIGKILL) is found
 * by another worker and run again, to the end, once; a job whose workers keep dying fails for
 * good, and its onFailed runs (for the resume job: the user is told, never left at "Reading the
 * resume…"). Real processes, real signals, Redis shared by them.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const WORKER = path.join(__dirname, 'support', 'stall-worker.ts');
let redis: Redis;
const children: ChildProcess[] = [];
const queues: JobQueue[] = [];

beforeAll(() => {
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(queues.map((q) => q.close()));
  await redis.quit();
});

/** A worker process on `prefix`'s queue; resolves once it takes jobs. */
async function startWorker(prefix: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, REDIS_URL, prefix], {
    cwd: path.resolve(__dirname, '..', '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d) => (output += d) && output.includes('worker started') && resolve());
    child.stderr?.on('data', (d) => (output += d));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${output}`)));
  });
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

/** Polls a counter until it reaches `value`; bounded. */
async function counter(prefix: string, name: string, value: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Number(await redis.get(`${prefix}:${name}`)) < value) {
    if (Date.now() > deadline) throw new Error(`${name} never reached ${value}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function testQueue(prefix: string, onFailed: (error: Error) => void = () => undefined) {
  const queue = createBullQueue({ redisUrl: REDIS_URL, prefix, logger: createLogger('silent'), stallAfterMs: STALL_AFTER_MS });
  const job = stallProbeJob(redis, prefix, onFailed);
  queue.register(job);
  queues.push(queue);
  return { queue, job };
}

test('a worker killed mid-job: another picks the job up and finishes it, once', async () => {
  const prefix = `stall-${randomUUID().slice(0, 8)}`;
  const first = await startWorker(prefix);
  const failures: Error[] = [];
  const { queue, job } = testQueue(prefix, (e) => failures.push(e));
  await queue.add(job, { id: 'one' });
  await counter(prefix, 'runs', 1);
  await kill(first);

  await queue.start();
  await counter(prefix, 'runs', 2);
  await redis.set(`${prefix}:release`, '1');
  await counter(prefix, 'done', 1);
  await queue.idle();
  console.log(
    `worker killed mid-job: runs ${await redis.get(`${prefix}:runs`)}, finished ${await redis.get(`${prefix}:done`)}, failed ${failures.length}`,
  );
  expect(Number(await redis.get(`${prefix}:done`))).toBe(1);
  expect(failures).toEqual([]);
}, 60_000);

test('workers killed twice on one job: it fails for good and its onFailed runs', async () => {
  const prefix = `stall-${randomUUID().slice(0, 8)}`;
  const first = await startWorker(prefix);
  const failures: Error[] = [];
  const { queue, job } = testQueue(prefix, (e) => failures.push(e));
  await queue.add(job, { id: 'two' });
  await counter(prefix, 'runs', 1);
  await kill(first);
  const second = await startWorker(prefix);
  await counter(prefix, 'runs', 2);
  await kill(second);

  await queue.start();
  const deadline = Date.now() + 20_000;
  while (failures.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  console.log(
    `workers killed twice: runs ${await redis.get(`${prefix}:runs`)}, failed ${failures.length} (${failures[0]?.message})`,
  );
  expect(failures).toHaveLength(1);
  expect(failures[0]?.message).toMatch(/stalled more than allowable limit/);
  expect(Number(await redis.get(`${prefix}:runs`))).toBe(2);
  expect(await redis.get(`${prefix}:done`)).toBeNull();
}, 60_000);
