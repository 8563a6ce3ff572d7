import Redis from 'ioredis';
import { createBullQueue } from '../../../../src/jobs/bull-queue';
import { createLogger } from '../../../../src/logger';
import { STALL_AFTER_MS, stallProbeJob } from './stall-probe';

/** A worker process of its own (`node --import tsx stall-worker.ts <redisUrl> <prefix>`), for a test to SIGKILL. */
const [redisUrl, prefix] = process.argv.slice(2) as [string, string];
const queue = createBullQueue({ redisUrl, prefix, logger: createLogger('silent'), stallAfterMs: STALL_AFTER_MS, concurrency: 1 });
queue.register(stallProbeJob(new Redis(redisUrl), prefix));
void queue.start().then(() => process.stdout.write('worker started\n'));
