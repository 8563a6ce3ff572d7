import Redis from 'ioredis';
import type { Logger } from '../logger';

/**
 * Fan-out of short messages to every instance (issue 17): the web chat's live streams are open on
 * one instance while its replies are produced on any. Delivery is best-effort and at most once; a
 * consumer that must not lose anything keeps the message in the database as well (the web chat's
 * transcript) and re-reads it on reconnect.
 */
export interface Broadcast {
  /** `redis` when shared by every instance, `in-process` for a single process (the embedded demo). */
  readonly backend: 'redis' | 'in-process';
  publish(topic: string, message: string): Promise<void>;
  /** Calls `onMessage` for each message published on `topic` by any instance, this one included. */
  subscribe(topic: string, onMessage: (message: string) => void): Promise<void>;
  close(): Promise<void>;
}

export interface BroadcastOptions {
  /** Redis when set (shared by every instance); in-process otherwise. */
  redisUrl?: string;
  logger: Logger;
}

export function createBroadcast(options: BroadcastOptions): Broadcast {
  return options.redisUrl ? redisBroadcast(options.redisUrl, options.logger) : inProcessBroadcast();
}

/** One process: a publish reaches this process's subscribers, on the next tick. */
export function inProcessBroadcast(): Broadcast {
  const handlers = new Map<string, Set<(message: string) => void>>();
  return {
    backend: 'in-process',
    async publish(topic, message) {
      for (const handler of handlers.get(topic) ?? []) queueMicrotask(() => handler(message));
    },
    async subscribe(topic, onMessage) {
      const set = handlers.get(topic) ?? new Set();
      set.add(onMessage);
      handlers.set(topic, set);
    },
    async close() {
      handlers.clear();
    },
  };
}

function redisBroadcast(url: string, logger: Logger): Broadcast {
  // A publish while Redis is away fails at once instead of queueing: the transcript in the
  // database already has the entry, and the page re-reads it when its stream reconnects.
  const publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  // A subscriber connection can do nothing else; ioredis re-subscribes after a reconnect.
  const subscriber = new Redis(url, { maxRetriesPerRequest: null });
  const handlers = new Map<string, Set<(message: string) => void>>();
  for (const [name, conn] of [['publisher', publisher], ['subscriber', subscriber]] as const)
    conn.on('error', (error: Error) => logger.warn({ err: error.message, connection: name }, 'broadcast: Redis error'));
  subscriber.on('message', (topic: string, message: string) => {
    for (const handler of handlers.get(topic) ?? []) handler(message);
  });
  return {
    backend: 'redis',
    async publish(topic, message) {
      await publisher.publish(topic, message);
    },
    async subscribe(topic, onMessage) {
      const set = handlers.get(topic) ?? new Set();
      set.add(onMessage);
      if (!handlers.has(topic)) {
        handlers.set(topic, set);
        await subscriber.subscribe(topic);
      }
    },
    async close() {
      handlers.clear();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
