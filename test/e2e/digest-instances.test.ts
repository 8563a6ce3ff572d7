import { randomUUID } from 'node:crypto';
import { createEndorse, type Endorse } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { windowStart } from '../../src/domain/duplicates';
import { createLogger } from '../../src/logger';
import type { DigestPass } from '../../src/notify/digest';
import { createPostgresDatabase, type OwnDatabase } from '../support/postgres-database';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis';
import { testClock } from '../support/services';

/**
 * Issue 19, must-show 3: two instances of the product (two full compositions: engine, services,
 * notifications, bull workers) on one PostgreSQL database and one Redis, both running the digest
 * pass at the same moments while the shared clock moves across four days in 20-minute steps.
 * Each user, whatever their time zone, gets exactly one digest per local day, delivered once.
 */
jest.setTimeout(240_000);

const HOUR_MS = 3_600_000;
const START = new Date('2026-12-01T00:00:00Z');
const DAYS = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];
const clock = testClock(START);

let database: OwnDatabase;
let redis: PrivateRedis;
let a: Endorse;
let b: Endorse;

interface Reader {
  userId: string;
  sessionId: string;
  agency: string;
  name: string;
  candidate: string;
  /** The local days whose 08:00 has come while the clock moves (São Paulo starts at 21:00 on Nov 30). */
  days: string[];
}
const readers: Reader[] = [];

beforeAll(async () => {
  [database, redis] = await Promise.all([createPostgresDatabase('endorse_digest'), startPrivateRedis()]);
  await redis.start();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    DEMO_SEED: 'off',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    SESSION_SECRET: 'e2e-digest-session-secret-0123456789abcdef',
    DIGEST_HOUR: '8',
    DEFAULT_TIME_ZONE: 'UTC',
  });
  // The first migrates; the second finds the database ready. Both run jobs (PROCESS_ROLE=all).
  a = await createEndorse(config, createLogger(config.logLevel), { now: clock.now });
  b = await createEndorse(config, createLogger(config.logLevel), { now: clock.now });
  await Promise.all([a.queue.start(), b.queue.start()]);
  await seed();
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([a?.stop(), b?.stop()]);
  await Promise.allSettled([redis?.stop(), database?.drop()]);
});

/**
 * Three agencies in three zones: Manila (UTC+8, digests at 00:00 UTC), São Paulo (UTC−3, at 11:00
 * UTC) and none (DEFAULT_TIME_ZONE, UTC). Every user has a candidate whose ownership ends twelve
 * days after START, still at NEW: something to tell on every one of the four days.
 */
async function seed(): Promise<void> {
  const db = a.database.prisma;
  const campaign = await db.campaign.create({ data: { name: `Campaign ${randomUUID().slice(0, 6)}` } });
  const plan: { country: string | null; roles: ('AGENCY_ADMIN' | 'AGENCY_USER')[]; days: string[] }[] = [
    { country: 'PH', roles: ['AGENCY_ADMIN', 'AGENCY_USER', 'AGENCY_USER'], days: DAYS },
    { country: 'BR', roles: ['AGENCY_USER'], days: ['2026-11-30', ...DAYS] },
    { country: null, roles: ['AGENCY_ADMIN'], days: DAYS },
  ];
  clock.set(windowStart(new Date(START.getTime() + 12 * 24 * HOUR_MS), 6));
  for (const { country, roles, days } of plan) {
    const agency = await db.agency.create({ data: { name: `Agency ${country ?? 'XX'} ${randomUUID().slice(0, 6)}`, country } });
    for (const role of roles) {
      const tag = randomUUID().slice(0, 8);
      const user = await db.user.create({
        data: {
          email: `${tag}@example.test`,
          name: `Reader ${tag}`,
          role,
          agencyId: agency.id,
          status: 'ACTIVE',
          language: 'en',
        },
      });
      const sessionId = `digest-session-${tag}`;
      await db.chatIdentity.create({
        data: { userId: user.id, platform: 'WEB', platformUserId: sessionId, address: { sessionId } },
      });
      const submitted = await a.services.submitCandidate(user.id, {
        firstName: 'Owned',
        lastName: `Candidate ${tag}`,
        phone: `+63917${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
        email: `owned.${tag}@example.com`,
        campaignId: campaign.id,
        channel: 'WEB',
      });
      expect(submitted.outcome).toBe('ADDED');
      readers.push({
        userId: user.id,
        sessionId,
        agency: agency.name,
        name: user.name ?? '',
        candidate: `Owned Candidate ${tag}`,
        days,
      });
    }
  }
  clock.set(START);
}

/** Polls `check` until it holds (bounded): deliveries run on either instance's bull worker. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('two instances, one database and Redis, four days: one digest per user per local day, delivered once', async () => {
  const db = a.database.prisma;
  const passes: DigestPass[] = [];
  for (let t = START.getTime(); t < START.getTime() + DAYS.length * 24 * HOUR_MS; t += HOUR_MS / 3) {
    clock.set(new Date(t));
    // Both instances' passes at the same moment, as their timers may fire.
    passes.push(...(await Promise.all([a.notifications.digests.runDue(), b.notifications.digests.runDue()])));
  }

  // Claims: exactly one per user and day between the two instances, each with something to tell.
  const claimed = passes.reduce((sum, p) => sum + p.claimed, 0);
  expect(claimed).toBe(readers.reduce((sum, r) => sum + r.days.length, 0));
  expect(passes.reduce((sum, p) => sum + p.sent, 0)).toBe(claimed);
  for (const reader of readers) {
    const runs = await db.digestRun.findMany({ where: { userId: reader.userId }, orderBy: { localDate: 'asc' } });
    expect(runs.map((r) => r.localDate)).toEqual(reader.days);
  }

  // Delivered: one DIGEST notification per user and day, SENT, and one web chat entry each.
  await until(
    async () => (await db.notification.count({ where: { kind: 'DIGEST', status: 'SENT' } })) === claimed,
    'every digest to be SENT',
  );
  expect(await db.notification.count({ where: { kind: 'DIGEST' } })).toBe(claimed);
  for (const reader of readers) {
    const entries = await db.webChatEntry.findMany({ where: { sessionId: reader.sessionId }, orderBy: { seq: 'asc' } });
    const texts = entries.map((e) => JSON.stringify(e.entry));
    expect(texts).toHaveLength(reader.days.length);
    for (const [i, text] of texts.entries()) {
      const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${reader.days[i]}T00:00:00Z`),
      );
      expect(text).toContain(`daily digest, ${day}`);
      expect(text).toContain('Ownership ends within 14 days');
      expect(text).toContain(reader.candidate);
      // Nothing of another agency: its name, its users, its candidates.
      for (const other of readers.filter((r) => r.agency !== reader.agency)) {
        expect(text).not.toContain(other.agency);
        expect(text).not.toContain(other.name);
        expect(text).not.toContain(other.candidate);
      }
    }
  }
});
