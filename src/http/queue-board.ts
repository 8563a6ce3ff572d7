import { createHash, timingSafeEqual } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import Bull from 'bull';
import type { NextFunction, Request, Response } from 'express';
import { QUEUE_NAME } from '../jobs/bull-queue';
import type { Logger } from '../logger';
import type { Mount } from './app';

export const QUEUE_BOARD_PATH = '/admin/queues';

export interface QueueBoardOptions {
  redisUrl: string;
  /** Same as the queue's (`createBullQueue`); default `bull`. */
  prefix?: string;
  user: string;
  password: string;
  logger: Logger;
}

/** Compares through SHA-256 digests so lengths leak nothing and the comparison is constant time. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function basicAuth(user: string, password: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(req.get('authorization') ?? '');
    const decoded = match ? Buffer.from(match[1] ?? '', 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    // Both halves are always compared, so a wrong user takes as long as a wrong password.
    const userOk = sameSecret(colon >= 0 ? decoded.slice(0, colon) : '', user);
    const passwordOk = sameSecret(colon >= 0 ? decoded.slice(colon + 1) : '', password);
    if (userOk && passwordOk) return next();
    res.setHeader('www-authenticate', 'Basic realm="Endorse queues", charset="UTF-8"');
    res.status(401).type('text/plain').send('Authentication required.');
  };
}

/**
 * The bull-board dashboard at /admin/queues (issue 8), for Redis deployments only. It opens its own
 * connection to the same bull queue (a Queue object is only a client); `close` releases it.
 */
export function mountQueueBoard(options: QueueBoardOptions): { mount: Mount; close: () => Promise<void> } {
  const queue = new Bull(QUEUE_NAME, options.redisUrl, { prefix: options.prefix ?? 'bull' });
  queue.on('error', (error) => options.logger.warn({ err: error.message }, 'queue board: redis error'));
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: [new BullAdapter(queue)], serverAdapter });
  return {
    mount: (app) => {
      app.use(QUEUE_BOARD_PATH, basicAuth(options.user, options.password), serverAdapter.getRouter());
    },
    close: () => queue.close(),
  };
}
