import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import type { Broadcast } from '../pubsub/broadcast';

/**
 * Reference data read on nearly every message and written rarely (the campaigns open to an
 * agency, the campaigns' names), kept in process. Every service that writes those tables calls
 * `invalidate` after its commit: this instance drops everything at once, and the others do when
 * the broadcast reaches them (Redis, else PostgreSQL's NOTIFY), a few milliseconds later.
 *
 * Never for who a user is or whether they are active: that is read fresh on every request (DESIGN §1).
 */
export interface ReferenceCache {
  /** The value under `key`, from `load` on a miss; a load that overlapped an invalidation is not kept. */
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Drops every entry here and on every other instance. Call after the write committed. */
  invalidate(): Promise<void>;
  /** Called whenever entries are dropped, by this instance or on another's word (tests await it). */
  onInvalidated(listener: (origin: 'local' | 'remote') => void): () => void;
  /**
   * Settles once this instance listens for the others' invalidations. Start-up does not wait for
   * it (Redis may be away; entries expire after the TTL meanwhile); tests do.
   */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export interface ReferenceCacheOptions {
  /** Shared by every instance; without it (one process) invalidation is local only. */
  broadcast?: Broadcast;
  logger: Logger;
  /** Entries kept at most; the oldest go first. Default 1,000. */
  maxEntries?: number;
  /**
   * The longest an entry is trusted: the bound on staleness if an invalidation is lost (Redis
   * away at the moment of the write; the broadcast is best-effort). Default 60 s.
   */
  ttlMs?: number;
  now?: () => number;
}

export const REFERENCE_TOPIC = 'endorse.reference-cache';

export function createReferenceCache(options: ReferenceCacheOptions): ReferenceCache {
  const maxEntries = options.maxEntries ?? 1000;
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const self = randomUUID();
  const entries = new Map<string, { value: unknown; expiresAt: number }>();
  const listeners = new Set<(origin: 'local' | 'remote') => void>();
  // Bumped by every invalidation: a load that started under an older generation may have read
  // what the write replaced, so its result is handed back but not kept.
  let generation = 0;
  // Until this instance hears the others' invalidations it keeps nothing: it could not know when to drop it.
  let listening = !options.broadcast;
  const drop = (origin: 'local' | 'remote') => {
    generation++;
    entries.clear();
    for (const listener of listeners) listener(origin);
  };
  const ready = (async () => {
    await options.broadcast?.subscribe(REFERENCE_TOPIC, (message) => {
      if (message !== self) drop('remote');
    });
    listening = true;
  })().catch((error: Error) => {
    options.logger.warn({ err: error.message }, 'reference cache: not listening for invalidations; entries expire after the TTL');
  });
  return {
    ready,
    async get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now()) return hit.value as T;
      const started = generation;
      const value = await load();
      if (listening && started === generation) {
        entries.delete(key);
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
        entries.set(key, { value, expiresAt: now() + ttlMs });
      }
      return value;
    },
    async invalidate() {
      drop('local');
      await options.broadcast?.publish(REFERENCE_TOPIC, self).catch((error: Error) => {
        options.logger.warn(
          { err: error.message },
          'reference cache: invalidation not broadcast; others catch up within the TTL',
        );
      });
    },
    onInvalidated(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      entries.clear();
      listeners.clear();
    },
  };
}
