import type { Logger } from '../logger';
import { createInlineQueue } from './inline-queue';
import type { JobQueue } from './queue';

export type { JobQueue } from './queue';
export { defineJob, PermanentJobError, RetryAfterError, type JobDefinition } from './job';

/** Bull when Redis is configured, in-process otherwise (DESIGN §4). */
export function createQueue(options: { redisUrl?: string | undefined; logger: Logger; prefix?: string }): JobQueue {
  if (!options.redisUrl) return createInlineQueue(options.logger);
  // bull and ioredis (about 25 MB) are loaded only by a process that has Redis configured.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load the sync factory can wait for
  const { createBullQueue } = require('./bull-queue') as typeof import('./bull-queue');
  return createBullQueue({ redisUrl: options.redisUrl, logger: options.logger, prefix: options.prefix });
}
