import type Redis from 'ioredis';
import { Client, Pool } from 'pg';
import type { Logger } from '../logger';

/**
 * Fan-out of short messages to every instance (issue 17): the web chat's live streams are open on
 * one instance while its replies are produced on any. Delivery is best-effort and at most once; a
 * consumer that must not lose anything keeps the message in the database as well (the web chat's
 * transcript) and re-reads it on reconnect.
 */
export interface Broadcast {
  /** `redis` or `postgres` when shared by every instance, `in-process` for a single process (the embedded demo). */
  readonly backend: 'redis' | 'postgres' | 'in-process';
  /** The largest message the backend carries (PostgreSQL's NOTIFY: under 8000 bytes); unset: no limit. */
  readonly maxMessageBytes?: number;
  publish(topic: string, message: string): Promise<void>;
  /** Calls `onMessage` for each message published on `topic` by any instance, this one included. */
  subscribe(topic: string, onMessage: (message: string) => void): Promise<void>;
  close(): Promise<void>;
}

export interface BroadcastOptions {
  /** Redis when set (shared by every instance). */
  redisUrl?: string | undefined;
  /** Without Redis, PostgreSQL's LISTEN/NOTIFY on this database (shared by every instance); in-process without either. */
  databaseUrl?: string | undefined;
  logger: Logger;
}

export function createBroadcast(options: BroadcastOptions): Broadcast {
  if (options.redisUrl) return redisBroadcast(options.redisUrl, options.logger);
  if (options.databaseUrl) return postgresBroadcast(options.databaseUrl, options.logger);
  return inProcessBroadcast();
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
  const RedisClient = loadRedis();
  const publisher = new RedisClient(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  // A subscriber connection can do nothing else; ioredis re-subscribes after a reconnect.
  const subscriber = new RedisClient(url, { maxRetriesPerRequest: null });
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

/** NOTIFY refuses a payload of 8000 bytes or more; a little is kept for the channel name. */
const NOTIFY_MAX_BYTES = 7900;
const RELISTEN_AFTER_MS = 1000;

/**
 * PostgreSQL's LISTEN/NOTIFY, for instances that share a database but no Redis. One dedicated
 * connection listens (re-opened after a loss: messages sent meanwhile are missed, and pages read
 * them from the transcript when their stream reconnects); publishing uses short-lived turns on
 * a pool of one.
 */
function postgresBroadcast(url: string, logger: Logger): Broadcast {
  const handlers = new Map<string, Set<(message: string) => void>>();
  let closed = false;
  let listener: Client | null = null;
  let connecting: Promise<Client> | null = null;
  // A pool of one: a lost connection is replaced on the next publish.
  const publisher = new Pool({ connectionString: url, max: 1 });
  publisher.on('error', (error: Error) => logger.warn({ err: error.message }, 'broadcast: PostgreSQL publisher error'));

  const listen = (): Promise<Client> => {
    connecting ??= (async () => {
      const client = new Client({ connectionString: url });
      client.on('notification', (n) => {
        for (const handler of handlers.get(n.channel) ?? []) handler(n.payload ?? '');
      });
      const lost = (error?: Error) => {
        if (listener !== client) return;
        listener = null;
        connecting = null;
        if (error) logger.warn({ err: error.message }, 'broadcast: PostgreSQL listener lost; listening again');
        if (!closed) setTimeout(() => void listen().catch(() => undefined), RELISTEN_AFTER_MS).unref();
      };
      client.on('error', lost);
      client.on('end', () => lost());
      await client.connect();
      for (const topic of handlers.keys()) await client.query(`LISTEN "${topic.replace(/"/g, '""')}"`);
      listener = client;
      return client;
    })();
    return connecting;
  };

  return {
    backend: 'postgres',
    maxMessageBytes: NOTIFY_MAX_BYTES,
    async publish(topic, message) {
      await publisher.query('SELECT pg_notify($1, $2)', [topic, message]);
    },
    async subscribe(topic, onMessage) {
      const set = handlers.get(topic) ?? new Set();
      set.add(onMessage);
      const isNew = !handlers.has(topic);
      handlers.set(topic, set);
      const client = await listen();
      if (isNew) await client.query(`LISTEN "${topic.replace(/"/g, '""')}"`);
    },
    async close() {
      closed = true;
      handlers.clear();
      const client = listener;
      listener = null;
      await Promise.allSettled([client?.end(), publisher.end()]);
    },
  };
}

/** ioredis (with bull, about 25 MB) is loaded only by a process that has Redis configured. */
function loadRedis(): typeof Redis {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load the sync factory can wait for
  return (require('ioredis') as typeof import('ioredis')).default;
}
