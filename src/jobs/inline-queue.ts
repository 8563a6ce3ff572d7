import type { z } from 'zod';
import type { Logger } from '../logger';
import { DEFAULT_TIMEOUT_MS, retryDelayMs, shouldRetry, withTimeout, type JobDefinition } from './job';
import type { AddOptions, JobQueue, QueueHealth } from './queue';

/**
 * The in-process backend for a single process without Redis. Jobs live in memory: on a restart
 * whatever was still waiting is gone, which is why production sets REDIS_URL.
 */
export function createInlineQueue(logger: Logger): JobQueue {
  const definitions = new Map<string, JobDefinition>();
  const seenIds = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let running = 0;
  let started = false;
  let closed = false;
  const backlog: (() => void)[] = [];
  let idleWaiters: (() => void)[] = [];

  const settle = () => {
    if (running === 0 && timers.size === 0 && backlog.length === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((resolve) => resolve());
    }
  };

  const schedule = (fn: () => void, delayMs: number) => {
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (started) fn();
      else backlog.push(fn);
    }, delayMs);
    timers.add(timer);
  };

  const runTry = (definition: JobDefinition, data: unknown, attempt: number) => {
    running++;
    const attempts = definition.attempts ?? 5;
    const work = Promise.resolve().then(() =>
      definition.handler(definition.schema.parse(data), { attempt, lastAttempt: attempt >= attempts }),
    );
    withTimeout(work, definition.timeoutMs ?? DEFAULT_TIMEOUT_MS, definition.name)
      .catch(async (error: Error) => {
        if (shouldRetry(definition, attempt, error)) {
          const delay = retryDelayMs(definition, attempt, error);
          logger.warn({ job: definition.name, attempt, delayMs: delay, err: error.message }, 'job failed; retrying');
          schedule(() => runTry(definition, data, attempt + 1), delay);
        } else {
          logger.error({ job: definition.name, attempt, err: error.message }, 'job failed for good');
          await definition
            .onFailed?.(definition.schema.parse(data), error)
            .catch((e: Error) => logger.error({ job: definition.name, err: e.message }, 'onFailed handler failed'));
        }
      })
      .finally(() => {
        running--;
        settle();
      });
  };

  return {
    backend: 'inline',
    register(definition) {
      definitions.set(definition.name, definition as unknown as JobDefinition);
    },
    async add<S extends z.ZodType>(definition: JobDefinition<S>, data: z.input<S>, options: AddOptions = {}) {
      if (!definitions.has(definition.name)) throw new Error(`Job ${definition.name} is not registered.`);
      const parsed = definition.schema.parse(data);
      if (options.jobId) {
        if (seenIds.has(options.jobId)) return;
        seenIds.add(options.jobId);
      }
      schedule(() => runTry(definition as unknown as JobDefinition, parsed, 1), options.delayMs ?? 0);
    },
    async start() {
      started = true;
      backlog.splice(0).forEach((fn) => fn());
    },
    async health(): Promise<QueueHealth> {
      return { backend: 'inline', ok: !closed };
    },
    async depth() {
      // Timers hold delayed tries and the backlog what waits for start(); nothing is kept as failed.
      return { waiting: backlog.length, active: running, delayed: timers.size, failed: 0 };
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settle();
      });
    },
    async close() {
      // Jobs not yet started are dropped (this backend keeps nothing across restarts); the ones
      // running are let finish, so a shutdown does not cut a delivery in the middle.
      closed = true;
      timers.forEach(clearTimeout);
      timers.clear();
      backlog.length = 0;
      await new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settle();
      });
    },
  };
}
