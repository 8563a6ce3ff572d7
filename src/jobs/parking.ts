import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../logger';

/**
 * An inbound event that could not be handled because the database was out of reach, kept as it
 * arrived (the neutral event and its encoded conversation address) to be handled again when the
 * database is back.
 */
export const parkedEventSchema = z.object({
  platform: z.string(),
  eventId: z.string(),
  /** The conversation (and person in it) the event belongs to: its later events must not overtake it. */
  conversation: z.string(),
  /** The engine's InboundEventInput, as JSON; the engine validates it again when it is replayed. */
  event: z.unknown(),
  /** The adapter's address codec's encoding of where the replies go. */
  address: z.unknown(),
  parkedAt: z.string(),
});
export type ParkedEvent = z.infer<typeof parkedEventSchema>;

/** What replaying one event came to: done (whatever the engine answered), or not yet (still out of reach). */
export type ReplayOutcome = 'done' | 'deferred';

/**
 * Where deferred events wait: a Redis list shared by every instance when Redis is configured (so
 * they survive this process), this process's memory otherwise (as durable as the in-process job
 * queue of the same deployment). Events are replayed one at a time in the order they were parked,
 * by one instance at a time.
 */
export interface EventParking {
  readonly backend: 'redis' | 'memory';
  /**
   * Keeps `event`. Resolves false when an event with this platform and id is parked already (a
   * redelivery of it). Rejects when the store itself is out of reach: the event is not kept.
   */
  park(event: ParkedEvent): Promise<boolean>;
  /** True while events wait (as this process last saw the store; refreshed by `drain`). */
  readonly waiting: boolean;
  /**
   * Whether events of `conversation` wait: a new event of it must be parked behind them, or it
   * would be answered before them. Cheap while nothing waits (no round trip).
   */
  holds(conversation: string): Promise<boolean>;
  /**
   * Hands the waiting events to `replay` in order, removing each that is done; stops at the first
   * deferred one (the database is still out of reach). Resolves with how many were done.
   */
  drain(replay: (event: ParkedEvent) => Promise<ReplayOutcome>): Promise<number>;
  close(): Promise<void>;
}

export interface EventParkingOptions {
  redisUrl?: string | undefined;
  logger: Logger;
  /** Redis key prefix; tests use their own. Default `endorse:parked`. */
  prefix?: string;
}

export function createEventParking(options: EventParkingOptions): EventParking {
  return options.redisUrl ? createRedisParking(options.redisUrl, options) : createMemoryParking();
}

function idOf(event: { platform: string; eventId: string }): string {
  return `${event.platform}:${event.eventId}`;
}

function createMemoryParking(): EventParking {
  const events: ParkedEvent[] = [];
  const ids = new Set<string>();
  const conversations = new Map<string, number>();
  let draining = false;
  return {
    backend: 'memory',
    async park(event) {
      if (ids.has(idOf(event))) return false;
      ids.add(idOf(event));
      events.push(event);
      conversations.set(event.conversation, (conversations.get(event.conversation) ?? 0) + 1);
      return true;
    },
    get waiting() {
      return events.length > 0;
    },
    async holds(conversation) {
      return conversations.has(conversation);
    },
    async drain(replay) {
      if (draining) return 0;
      draining = true;
      let done = 0;
      try {
        while (events.length > 0) {
          const head = events[0] as ParkedEvent;
          if ((await replay(head)) === 'deferred') break;
          events.shift();
          ids.delete(idOf(head));
          const left = (conversations.get(head.conversation) ?? 1) - 1;
          if (left > 0) conversations.set(head.conversation, left);
          else conversations.delete(head.conversation);
          done++;
        }
      } finally {
        draining = false;
      }
      return done;
    },
    async close() {},
  };
}

/** A command Redis has not answered by then (a frozen server) fails: the webhook must answer in time. */
const COMMAND_TIMEOUT_MS = 2_000;
/** How long the instance replaying holds the list; renewed with every event. */
const LOCK_TTL_MS = 30_000;
/** How long a parked event's id stops a redelivery of it from being parked twice. */
const ID_TTL_S = 7 * 24 * 3600;
const DECREMENT = `if redis.call('hincrby', KEYS[1], ARGV[1], -1) <= 0 then redis.call('hdel', KEYS[1], ARGV[1]) end return 0`;
const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

function createRedisParking(redisUrl: string, options: EventParkingOptions): EventParking {
  const prefix = options.prefix ?? 'endorse:parked';
  const listKey = `${prefix}:events`;
  const lockKey = `${prefix}:lock`;
  /** A hash: conversation → how many of its events wait in the list. */
  const countsKey = `${prefix}:conversations`;
  // Give up on a command after one reconnection attempt instead of queueing it until Redis is
  // back: a park that cannot be kept must say so soon, so the webhook can answer a status the
  // platform redelivers on.
  const redis = new (loadRedis())(redisUrl, { maxRetriesPerRequest: 1, commandTimeout: COMMAND_TIMEOUT_MS });
  redis.on('error', (error: Error) => options.logger.debug({ err: error.message }, 'parking: redis error'));
  const me = randomUUID();
  let waiting = false;
  let draining = false;

  return {
    backend: 'redis',
    async park(event) {
      const fresh = await redis.set(`${prefix}:id:${idOf(event)}`, '1', 'EX', ID_TTL_S, 'NX');
      if (fresh === null) return false;
      await redis.multi().hincrby(countsKey, event.conversation, 1).rpush(listKey, JSON.stringify(event)).exec();
      waiting = true;
      return true;
    },
    get waiting() {
      return waiting;
    },
    async holds(conversation) {
      if (!waiting) return false;
      return Number(await redis.hget(countsKey, conversation)) > 0;
    },
    async drain(replay) {
      if (draining) return 0;
      draining = true;
      let done = 0;
      try {
        waiting = (await redis.llen(listKey)) > 0;
        if (!waiting) return 0;
        // One instance replays at a time, or two would answer the same event, or out of order.
        if ((await redis.set(lockKey, me, 'PX', LOCK_TTL_MS, 'NX')) === null) return 0;
        try {
          for (;;) {
            const raw = await redis.lindex(listKey, 0);
            if (raw === null) {
              waiting = false;
              break;
            }
            const parsed = parkedEventSchema.safeParse(safeJson(raw));
            if (parsed.success && (await replay(parsed.data)) === 'deferred') break;
            if (!parsed.success) options.logger.error({ key: listKey }, 'parking: an unreadable parked event was dropped');
            // Only the lock holder pops, and pushes go to the tail: the head is the one just replayed.
            await redis.lpop(listKey);
            if (parsed.success)
              await redis
                .multi()
                .del(`${prefix}:id:${idOf(parsed.data)}`)
                .eval(DECREMENT, 1, countsKey, parsed.data.conversation)
                .exec();
            await redis.pexpire(lockKey, LOCK_TTL_MS);
            done++;
          }
        } finally {
          await redis.eval(RELEASE_LOCK, 1, lockKey, me).catch(() => undefined);
        }
        return done;
      } finally {
        draining = false;
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** ioredis (with bull, about 25 MB) is loaded only by a process that has Redis configured. */
function loadRedis(): typeof Redis {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load the sync factory can wait for
  return (require('ioredis') as typeof import('ioredis')).default;
}
