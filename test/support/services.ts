import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '../../src/db/database';
import { createLogger } from '../../src/logger';
import { createServices, type ServiceDeps, type Services } from '../../src/services';
import type { Role } from '../../src/domain/permissions';

/** A mutable clock: tests move time instead of sleeping. */
export interface TestClock {
  now: () => Date;
  set(date: Date): void;
  advance(ms: number): void;
}

export function testClock(start = new Date()): TestClock {
  let current = start;
  return {
    now: () => current,
    set: (date) => void (current = date),
    advance: (ms) => void (current = new Date(current.getTime() + ms)),
  };
}

export interface TestEnv {
  database: Database;
  services: Services;
  deps: ServiceDeps;
  clock: TestClock;
  close(): Promise<void>;
}

/** Services on the run's PostgreSQL database (see global-setup.ts), with a test clock. */
export async function openTestEnv(clock = testClock()): Promise<TestEnv> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is unset: run this test through jest (globalSetup creates the database).');
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolMax: 25 });
  const deps: ServiceDeps = {
    db: database.prisma,
    sql: database.driver,
    logger: createLogger('silent'),
    now: clock.now,
    publicUrl: 'http://endorse.test',
    inviteTtlDays: 7,
  };
  return { database, services: withOutboxSettled(createServices(deps)), deps, clock, close: () => database.close() };
}

/**
 * The services as fixtures use them: what they write is set-up, not an event to announce, so the
 * outbox event each comment, stage change and new candidate writes is marked relayed at once.
 * Otherwise any app or relay on the run's shared database would later deliver notifications of
 * every other suite's fixtures. test/integration/notify/outbox.test.ts uses bare services.
 */
export function withOutboxSettled(services: Services): Services {
  const settle = async (outboxEventId: string | undefined) => {
    if (outboxEventId)
      await services.deps.db.outboxEvent.update({ where: { id: outboxEventId }, data: { processedAt: new Date() } });
  };
  return {
    ...services,
    async addComment(...args) {
      const result = await services.addComment(...args);
      await settle(result.outboxEventId);
      return result;
    },
    async changeStage(...args) {
      const result = await services.changeStage(...args);
      await settle(result.outboxEventId);
      return result;
    },
    async submitCandidate(...args) {
      const result = await services.submitCandidate(...args);
      await settle(result.outcome === 'ADDED' ? result.outboxEventId : undefined);
      return result;
    },
  };
}

/** A unique suffix so tests sharing one database never collide. */
export const unique = (label = 'x'): string => `${label}-${randomUUID().slice(0, 8)}`;

/** A unique valid E.164 phone (Philippine mobile range). */
export function uniquePhone(): string {
  const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
  return `+63917${digits}`;
}

export interface Fixture {
  ownerId: string;
  agencyA: string;
  agencyB: string;
  adminA: string;
  userA: string;
  userA2: string;
  adminB: string;
  userB: string;
  recruiterId: string;
  campaignId: string;
}

/**
 * Creates an active user directly (invitation flows are tested on their own), who has chosen
 * English already unless `language` says otherwise (null: first contact is still to come).
 */
export async function createUser(
  env: TestEnv,
  role: Role,
  agencyId: string | null,
  label = role.toLowerCase(),
  language: string | null = 'en',
): Promise<string> {
  const user = await env.deps.db.user.create({
    data: { email: `${unique(label)}@example.test`, name: unique(label), role, agencyId, status: 'ACTIVE', language },
    select: { id: true },
  });
  return user.id;
}

/** Two agencies with an admin and users each, an owner, a recruiter and one open campaign. */
export async function seedFixture(env: TestEnv): Promise<Fixture> {
  const db = env.deps.db;
  const [a, b] = await Promise.all([
    db.agency.create({ data: { name: unique('Agency A'), country: 'PH' }, select: { id: true } }),
    db.agency.create({ data: { name: unique('Agency B'), country: 'US' }, select: { id: true } }),
  ]);
  const campaign = await db.campaign.create({ data: { name: unique('Campaign') }, select: { id: true } });
  const fixture: Fixture = {
    ownerId: await createUser(env, 'OWNER', null),
    agencyA: a.id,
    agencyB: b.id,
    adminA: await createUser(env, 'AGENCY_ADMIN', a.id),
    userA: await createUser(env, 'AGENCY_USER', a.id),
    userA2: await createUser(env, 'AGENCY_USER', a.id),
    adminB: await createUser(env, 'AGENCY_ADMIN', b.id),
    userB: await createUser(env, 'AGENCY_USER', b.id),
    recruiterId: await createUser(env, 'RECRUITER', null),
    campaignId: campaign.id,
  };
  await db.campaignRecruiter.create({ data: { campaignId: campaign.id, userId: fixture.recruiterId } });
  return fixture;
}

/**
 * A dispute is announced to every owner in the database, and the run's database holds the owners
 * of every suite: the deliveries to theirs that a suite leaves unfinished would be picked up by
 * another suite's sweeper. Suites that open disputes drop those rows when they end.
 */
export async function dropDisputeNotifications(env: Pick<TestEnv, 'deps'>): Promise<void> {
  await env.deps.db.notification.deleteMany({ where: { kind: { in: ['DISPUTE_OPENED', 'DISPUTE_DECIDED'] } } });
}
