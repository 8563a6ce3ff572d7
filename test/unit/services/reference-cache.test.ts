import { createLogger } from '../../../src/logger';
import { inProcessBroadcast } from '../../../src/pubsub/broadcast';
import { createReferenceCache } from '../../../src/services/reference-cache';

const logger = createLogger('silent');

test('keeps a value until invalidated, then loads it again', async () => {
  const cache = createReferenceCache({ logger });
  let loads = 0;
  const load = async () => ++loads;
  expect(await cache.get('k', load)).toBe(1);
  expect(await cache.get('k', load)).toBe(1);
  await cache.invalidate();
  expect(await cache.get('k', load)).toBe(2);
});

test('a load that overlapped an invalidation is handed back but not kept', async () => {
  const cache = createReferenceCache({ logger });
  let release: (value: string) => void = () => undefined;
  const slow = cache.get('k', () => new Promise<string>((resolve) => (release = resolve)));
  await cache.invalidate();
  release('read before the write');
  expect(await slow).toBe('read before the write');
  expect(await cache.get('k', async () => 'read after the write')).toBe('read after the write');
});

test('holds at most maxEntries, the oldest going first, and trusts an entry for ttlMs only', async () => {
  let now = 0;
  const cache = createReferenceCache({ logger, maxEntries: 2, ttlMs: 1000, now: () => now });
  await cache.get('a', async () => 'a1');
  await cache.get('b', async () => 'b1');
  await cache.get('c', async () => 'c1');
  expect(await cache.get('a', async () => 'a2')).toBe('a2');
  expect(await cache.get('c', async () => 'c2')).toBe('c1');
  now = 1001;
  expect(await cache.get('c', async () => 'c3')).toBe('c3');
});

test("another instance's invalidation drops this one's entries; its own is not counted as remote", async () => {
  const broadcast = inProcessBroadcast();
  const one = createReferenceCache({ logger, broadcast });
  const two = createReferenceCache({ logger, broadcast });
  await Promise.all([one.ready, two.ready]);
  await two.get('k', async () => 'old');
  const origins: string[] = [];
  one.onInvalidated((origin) => origins.push(origin));
  const heard = new Promise<void>((resolve) => two.onInvalidated((origin) => origin === 'remote' && resolve()));
  await one.invalidate();
  await heard;
  expect(await two.get('k', async () => 'new')).toBe('new');
  // Give the in-process broadcast's own echo its turn: it must not count as remote.
  await new Promise<void>((resolve) => queueMicrotask(resolve));
  expect(origins).toEqual(['local']);
});
