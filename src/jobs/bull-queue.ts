import Bull from 'bull';
import type { z } from 'zod';
import type { Logger } from '../logger';
import { DEFAULT_ATTEMPTS, DEFAULT_TIMEOUT_MS, retryDelayMs, shouldRetry, type JobDefinition } from './job';
import type { AddOptions, JobQueue, QueueHealth } from './queue';

/** The one bull queue's name (every job kind shares it); the queue dashboard opens it by this name. */
export const QUEUE_NAME = 'endorse';
const BACKOFF = 'endorse';
/** How long close waits for running jobs (and bull) before it drops the connections. */
const CLOSE_WAIT_MS = 10_000;
// bull's failedReason for a job that stalled more often than its maxStalledCount allows.
const STALLED_RE = /stalled more than allowable limit/i;

export interface BullQueueOptions {
  redisUrl: string;
  logger: Logger;
  /** Jobs of one kind run at once per process. Default 8. */
  concurrency?: number;
  /** Queue name prefix in Redis; tests use their own so runs do not meet. */
  prefix?: string;
  /**
   * How soon a job whose process died (its lock not renewed) is found and run again elsewhere:
   * bull's lockDuration and stalledInterval. Default bull's 30 s; tests that kill workers shorten it.
   */
  stallAfterMs?: number;
}

/**
 * The Redis backend. Jobs survive restarts and are shared by every instance; while Redis is
 * unreachable, ioredis keeps the commands and sends them on reconnect, so an add waits, not drops.
 */
export function createBullQueue(options: BullQueueOptions): JobQueue {
  const definitions = new Map<string, JobDefinition>();
  const logger = options.logger;
  const queue = new Bull(QUEUE_NAME, options.redisUrl, {
    prefix: options.prefix ?? 'bull',
    settings: {
      ...(options.stallAfterMs ? { lockDuration: options.stallAfterMs, stalledInterval: options.stallAfterMs } : {}),
      backoffStrategies: {
        // Bull hands the thrown error to the strategy, so a 429's Retry-After sets the delay.
        [BACKOFF]: (attemptsMade: number, error: Error, strategyOptions?: { name?: string }) => {
          const definition = definitions.get(strategyOptions?.name ?? '');
          return definition ? retryDelayMs(definition, attemptsMade, error) : 1000;
        },
      },
    },
  });
  queue.on('error', (error) => logger.error({ err: error.message }, 'queue error'));
  // A job whose process died mid-run (a crash, a kill) "stalls"; after bull's re-runs it fails
  // without our handler ever seeing it, so its onFailed is called here: the user still hears back.
  queue.on('failed', (job: Bull.Job, error: Error) => {
    if (!STALLED_RE.test(error.message)) return;
    const definition = definitions.get(job.name);
    const data = definition?.schema.safeParse(job.data);
    if (!definition || !data?.success) return;
    logger.error({ job: definition.name, jobId: job.id, err: error.message }, 'job stalled for good');
    void definition
      .onFailed?.(data.data, error)
      .catch((e: Error) => logger.error({ job: definition.name, err: e.message }, 'onFailed handler failed'));
  });

  return {
    backend: 'bull',
    register(definition) {
      definitions.set(definition.name, definition as unknown as JobDefinition);
    },
    async add<S extends z.ZodType>(definition: JobDefinition<S>, data: z.input<S>, addOptions: AddOptions = {}) {
      if (!definitions.has(definition.name)) throw new Error(`Job ${definition.name} is not registered.`);
      const parsed = definition.schema.parse(data);
      await queue.add(definition.name, parsed, {
        jobId: addOptions.jobId,
        delay: addOptions.delayMs,
        attempts: definition.attempts ?? DEFAULT_ATTEMPTS,
        backoff: { type: BACKOFF, options: { name: definition.name } },
        timeout: definition.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        removeOnComplete: 1000,
        removeOnFail: 5000,
      });
    },
    async start() {
      for (const definition of definitions.values()) {
        void queue.process(definition.name, definition.concurrency ?? options.concurrency ?? 8, async (job: Bull.Job) => {
          const attempt = job.attemptsMade + 1;
          const attempts = definition.attempts ?? DEFAULT_ATTEMPTS;
          const data = definition.schema.parse(job.data);
          try {
            await definition.handler(data, { attempt, lastAttempt: attempt >= attempts });
          } catch (error) {
            const err = error as Error;
            if (shouldRetry(definition, attempt, err)) {
              logger.warn({ job: definition.name, jobId: job.id, attempt, err: err.message }, 'job failed; retrying');
            } else {
              logger.error({ job: definition.name, jobId: job.id, attempt, err: err.message }, 'job failed for good');
              await job.discard();
              await definition
                .onFailed?.(data, err)
                .catch((e: Error) => logger.error({ job: definition.name, err: e.message }, 'onFailed handler failed'));
            }
            throw err;
          }
        });
      }
    },
    async health(): Promise<QueueHealth> {
      try {
        await Promise.race([
          queue.client.ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 1 s')), 1000).unref()),
        ]);
        return { backend: 'bull', ok: true };
      } catch (error) {
        return { backend: 'bull', ok: false, detail: `Redis: ${(error as Error).message}` };
      }
    },
    async depth() {
      const counts = await queue.getJobCounts();
      return { waiting: counts.waiting, active: counts.active, delayed: counts.delayed, failed: counts.failed };
    },
    async idle() {
      for (;;) {
        const counts = await queue.getJobCounts();
        if (counts.waiting + counts.active + counts.delayed === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      // Running jobs get a while to finish. After Redis was cut and came back, bull's close can
      // wait forever on a client that never settles: past the wait, the connections are dropped.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), CLOSE_WAIT_MS)));
      const outcome = await Promise.race([queue.close().then(() => 'closed' as const), late]);
      clearTimeout(timer);
      if (outcome === 'late') {
        logger.warn({ afterMs: CLOSE_WAIT_MS }, 'queue: close did not finish; dropping its Redis connections');
        for (const client of (queue as unknown as { clients: { disconnect(): void }[] }).clients ?? []) client.disconnect();
      }
    },
  };
}
