import type { Logger } from '../logger';
import { createBullQueue } from './bull-queue';
import { createInlineQueue } from './inline-queue';
import type { JobQueue } from './queue';

export type { JobQueue } from './queue';
export { defineJob, PermanentJobError, RetryAfterError, type JobDefinition } from './job';

/** Bull when Redis is configured, in-process otherwise (DESIGN §4). */
export function createQueue(options: { redisUrl?: string | undefined; logger: Logger; prefix?: string }): JobQueue {
  return options.redisUrl
    ? createBullQueue({ redisUrl: options.redisUrl, logger: options.logger, prefix: options.prefix })
    : createInlineQueue(options.logger);
}
