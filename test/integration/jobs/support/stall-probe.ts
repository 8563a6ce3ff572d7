import Redis from 'ioredis';
import { z } from 'zod';
import { defineJob } from '../../../../src/jobs';

/**
 * A job for killing workers under: each run counts itself in Redis (`runs`), then holds until the
 * test sets `release`, then counts itself done (`done`). Whichever process runs it, the counts
 * are in one place.
 */
export function stallProbeJob(redis: Redis, prefix: string, onFailed: (error: Error) => void = () => undefined) {
  return defineJob({
    name: 'stall-probe',
    schema: z.object({ id: z.string() }),
    attempts: 1,
    async handler() {
      await redis.incr(`${prefix}:runs`);
      while ((await redis.exists(`${prefix}:release`)) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      await redis.incr(`${prefix}:done`);
    },
    async onFailed(_data, error) {
      onFailed(error);
    },
  });
}

export const STALL_AFTER_MS = 1_000;
