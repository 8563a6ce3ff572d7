import { randomUUID } from 'node:crypto';
import { createEventParking, type EventParking, type ParkedEvent, type ReplayOutcome } from '../../../src/jobs/parking';
import { createLogger } from '../../../src/logger';

/**
 * Where inbound events wait while the database is out of reach (issue 16, at-least-once inbound):
 * the same rules of both stores, and what only Redis gives — events that outlive the process that
 * parked them, and one instance replaying at a time.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const logger = createLogger('silent');

function event(eventId: string, conversation = 'c1'): ParkedEvent {
  return { platform: 'TELEGRAM', eventId, conversation, event: { eventId }, address: { chatId: 1 }, parkedAt: new Date().toISOString() };
}

/** A replay that records the ids it was handed and answers `outcome(id)`. */
function recorder(outcome: (id: string) => ReplayOutcome = () => 'done') {
  const seen: string[] = [];
  return {
    seen,
    replay: async (parked: ParkedEvent) => {
      seen.push(parked.eventId);
      return outcome(parked.eventId);
    },
  };
}

const stores: [string, () => EventParking][] = [
  ['in memory', () => createEventParking({ logger })],
  ['on Redis', () => createEventParking({ logger, redisUrl: REDIS_URL, prefix: `test-parked-${randomUUID().slice(0, 8)}` })],
];

describe.each(stores)('parked events %s', (_name, make) => {
  let parking: EventParking;
  beforeEach(() => (parking = make()));
  afterEach(() => parking.close());

  test('are replayed once each, in the order they were parked; a redelivery of a waiting one is not parked twice', async () => {
    expect(await parking.park(event('1'))).toBe(true);
    expect(await parking.park(event('2', 'c2'))).toBe(true);
    expect(await parking.park(event('1'))).toBe(false);
    expect(await parking.park(event('3'))).toBe(true);
    const r = recorder();
    expect(await parking.drain(r.replay)).toBe(3);
    expect(r.seen).toEqual(['1', '2', '3']);
    expect(await parking.drain(r.replay)).toBe(0);
    expect(parking.waiting).toBe(false);
  });

  test('a replay deferred again ends the round and stays first for the next', async () => {
    await parking.park(event('a'));
    await parking.park(event('b'));
    let databaseBack = false;
    const r = recorder(() => (databaseBack ? 'done' : 'deferred'));
    expect(await parking.drain(r.replay)).toBe(0);
    expect(r.seen).toEqual(['a']);
    databaseBack = true;
    expect(await parking.drain(r.replay)).toBe(2);
    expect(r.seen).toEqual(['a', 'a', 'b']);
  });

  test('a conversation holds while its events wait, and only that conversation', async () => {
    expect(await parking.holds('c1')).toBe(false);
    await parking.park(event('x', 'c1'));
    await parking.park(event('y', 'c1'));
    expect(await parking.holds('c1')).toBe(true);
    expect(await parking.holds('c2')).toBe(false);
    await parking.drain(recorder().replay);
    expect(await parking.holds('c1')).toBe(false);
  });
});

describe('parked events on Redis', () => {
  const prefix = `test-parked-${randomUUID().slice(0, 8)}`;
  const open: EventParking[] = [];
  const make = () => {
    const parking = createEventParking({ logger, redisUrl: REDIS_URL, prefix });
    open.push(parking);
    return parking;
  };
  afterAll(() => Promise.all(open.map((p) => p.close())));

  test('outlive the process that parked them, and two instances replaying at once replay each event once', async () => {
    const parkedBy = make();
    for (let i = 0; i < 20; i++) await parkedBy.park(event(`e${i}`, `c${i % 3}`));
    await parkedBy.close();

    const [a, b] = [make(), make()];
    const seen = recorder();
    const [doneA, doneB] = await Promise.all([a.drain(seen.replay), b.drain(seen.replay)]);
    // Whichever got there second found the list held (or already empty) and left it alone.
    expect(doneA + doneB).toBe(20);
    expect(seen.seen).toEqual(Array.from({ length: 20 }, (_, i) => `e${i}`));
  });

  test('Redis out of reach: park says so at once instead of waiting for it', async () => {
    const gone = createEventParking({ logger, redisUrl: 'redis://127.0.0.1:1', prefix });
    open.push(gone);
    const started = Date.now();
    await expect(gone.park(event('lost'))).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
