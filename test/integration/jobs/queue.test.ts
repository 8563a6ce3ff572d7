import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createQueue, defineJob, PermanentJobError, RetryAfterError, type JobQueue } from '../../../src/jobs';
import { createLogger } from '../../../src/logger';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const logger = createLogger('silent');

/** The same behaviour is required of both backends (DESIGN §3: same handlers, same retry policy). */
const backends: [string, () => JobQueue][] = [
  ['inline', () => createQueue({ logger })],
  ['bull on Redis', () => createQueue({ logger, redisUrl: REDIS_URL, prefix: `test-${randomUUID().slice(0, 8)}` })],
];

describe.each(backends)('the %s queue', (_name, make) => {
  let queue: JobQueue;
  afterEach(() => queue.close());

  function recordingJob(behaviour: (attempt: number) => void, extra: { attempts?: number } = {}) {
    const seen: { value: string; attempt: number }[] = [];
    const failed: string[] = [];
    const job = defineJob({
      name: `job-${randomUUID().slice(0, 8)}`,
      schema: z.object({ value: z.string() }),
      attempts: extra.attempts ?? 3,
      backoffMs: 5,
      handler: async (data, ctx) => {
        seen.push({ value: data.value, attempt: ctx.attempt });
        behaviour(ctx.attempt);
      },
      onFailed: async (data) => void failed.push(data.value),
    });
    return { job, seen, failed };
  }

  test('runs a job with its data', async () => {
    queue = make();
    const { job, seen } = recordingJob(() => undefined);
    queue.register(job);
    await queue.start();
    await queue.add(job, { value: 'hello' });
    await queue.idle();
    expect(seen).toEqual([{ value: 'hello', attempt: 1 }]);
  });

  test('retries a failing job until it succeeds', async () => {
    queue = make();
    const { job, seen, failed } = recordingJob((attempt) => {
      if (attempt < 3) throw new Error('flaky');
    });
    queue.register(job);
    await queue.start();
    await queue.add(job, { value: 'x' });
    await queue.idle();
    expect(seen.map((s) => s.attempt)).toEqual([1, 2, 3]);
    expect(failed).toEqual([]);
  });

  test('honours the delay a RetryAfterError asks for', async () => {
    queue = make();
    const { job, seen } = recordingJob((attempt) => {
      if (attempt === 1) throw new RetryAfterError(50);
    });
    queue.register(job);
    await queue.start();
    const started = Date.now();
    await queue.add(job, { value: 'x' });
    await queue.idle();
    expect(seen).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  test('records a job that failed on every try, once', async () => {
    queue = make();
    const { job, seen, failed } = recordingJob(() => {
      throw new Error('down');
    });
    queue.register(job);
    await queue.start();
    await queue.add(job, { value: 'lost?' });
    await queue.idle();
    expect(seen).toHaveLength(3);
    expect(failed).toEqual(['lost?']);
  });

  test('does not retry a permanent failure', async () => {
    queue = make();
    const { job, seen, failed } = recordingJob(() => {
      throw new PermanentJobError('user blocked the bot');
    });
    queue.register(job);
    await queue.start();
    await queue.add(job, { value: 'blocked' });
    await queue.idle();
    expect(seen).toHaveLength(1);
    expect(failed).toEqual(['blocked']);
  });

  test('adds a job with the same id once', async () => {
    queue = make();
    const { job, seen } = recordingJob(() => undefined);
    queue.register(job);
    await queue.start();
    await queue.add(job, { value: 'a' }, { jobId: 'same' });
    await queue.add(job, { value: 'a' }, { jobId: 'same' });
    await queue.idle();
    expect(seen).toHaveLength(1);
  });

  test('refuses data that does not match the job schema', async () => {
    queue = make();
    const { job } = recordingJob(() => undefined);
    queue.register(job);
    await expect(queue.add(job, { value: 42 } as never)).rejects.toThrow();
  });

  test('reports its health', async () => {
    queue = make();
    expect(await queue.health()).toMatchObject({ ok: true });
  });
});
