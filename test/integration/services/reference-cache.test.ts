import { createLogger } from '../../../src/logger';
import { createBroadcast, type Broadcast } from '../../../src/pubsub/broadcast';
import { createServices, type Services } from '../../../src/services';
import { createReferenceCache, type ReferenceCache } from '../../../src/services/reference-cache';
import type { SqlDriver } from '../../../src/db/sql-runner';
import { openTestEnv, seedFixture, unique, type Fixture, type TestEnv } from '../../support/services';

/**
 * Two instances of the services on one database, each with its own reference cache, told of each
 * other's writes through the broadcast (Redis, and PostgreSQL's NOTIFY where there is no Redis).
 * No sleeping: each step awaits the invalidation message itself.
 */
interface Instance {
  services: Services;
  cache: ReferenceCache;
  broadcast: Broadcast;
  /** Statements this instance sent to the database. */
  statements(): number;
  /** Resolves at the next invalidation that reaches this instance from another. */
  nextRemoteInvalidation(): Promise<void>;
}

let env: TestEnv;
let f: Fixture;

beforeAll(async () => {
  env = await openTestEnv();
  f = await seedFixture(env);
});
afterAll(async () => {
  await env.close();
});

async function instance(backend: 'redis' | 'postgres'): Promise<Instance> {
  const logger = createLogger('silent');
  const broadcast = createBroadcast(
    backend === 'redis'
      ? { redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', logger }
      : { databaseUrl: process.env.TEST_DATABASE_URL, logger },
  );
  const cache = createReferenceCache({ broadcast, logger });
  await cache.ready;
  let sent = 0;
  const sql: SqlDriver = {
    query: (...args) => {
      sent++;
      return env.deps.sql.query(...args);
    },
    transaction: (fn) => env.deps.sql.transaction(fn),
  };
  return {
    services: createServices({ ...env.deps, sql, reference: cache }),
    cache,
    broadcast,
    statements: () => sent,
    nextRemoteInvalidation: () =>
      new Promise<void>((resolve) => {
        const stop = cache.onInvalidated((origin) => {
          if (origin !== 'remote') return;
          stop();
          resolve();
        });
      }),
  };
}

const names = (list: { name: string }[]) => list.map((c) => c.name);

describe.each(['redis', 'postgres'] as const)('reference cache over %s', (backend) => {
  let a: Instance;
  let b: Instance;
  beforeAll(async () => {
    [a, b] = await Promise.all([instance(backend), instance(backend)]);
  });
  afterAll(async () => {
    await Promise.all([a, b].map((i) => i.broadcast.close()));
  });

  it('reads the campaigns once, then from memory (the user still fresh every time)', async () => {
    await b.services.listCampaigns(f.userA);
    const before = b.statements();
    const again = await b.services.listCampaigns(f.userA);
    expect(names(again)).toContain((await env.deps.db.campaign.findUniqueOrThrow({ where: { id: f.campaignId } })).name);
    // The actor only: the campaigns came from the cache.
    expect(b.statements() - before).toBe(1);
  });

  it('a campaign created on one instance is offered by the other once the invalidation arrives', async () => {
    await Promise.all([a.services.listCampaigns(f.userA), b.services.listCampaigns(f.userA)]);
    const heard = b.nextRemoteInvalidation();
    const name = unique('Cached campaign');
    await a.services.createCampaign(f.ownerId, { name });
    await heard;
    expect(names(await b.services.listCampaigns(f.userA))).toContain(name);
    // The writer dropped its own entries at once, without waiting for the broadcast.
    expect(names(await a.services.listCampaigns(f.userA))).toContain(name);
  });

  it('a campaign closed or restricted on one instance is gone on the other', async () => {
    const name = unique('Soon closed');
    const announced = b.nextRemoteInvalidation();
    const created = await a.services.createCampaign(f.ownerId, { name });
    await announced;
    expect(names(await b.services.listCampaigns(f.userB))).toContain(name);

    let heard = a.nextRemoteInvalidation();
    await b.services.setCampaignAgencies(f.ownerId, created.id, [f.agencyA]);
    await heard;
    expect(names(await a.services.listCampaigns(f.userB))).not.toContain(name);
    expect(names(await a.services.listCampaigns(f.userA))).toContain(name);

    heard = b.nextRemoteInvalidation();
    await a.services.setCampaignStatus(f.ownerId, created.id, 'CLOSED');
    await heard;
    expect(names(await b.services.listCampaigns(f.userA))).not.toContain(name);
  });

  it('a dashboard search by campaign name finds a campaign created on the other instance', async () => {
    const name = unique('Searchable');
    await b.services.listDashboard(f.ownerId, { view: 'pool', search: name });
    const heard = b.nextRemoteInvalidation();
    const created = await a.services.createCampaign(f.ownerId, { name });
    await heard;
    const submitted = await a.services.submitCandidate(f.userA, {
      firstName: 'Cache',
      lastName: 'Probe',
      phone: `+1555${String(Date.now()).slice(-7)}`,
      email: `${unique('probe')}@example.test`,
      campaignId: created.id,
      channel: 'WEB',
    });
    if (submitted.outcome !== 'ADDED') throw new Error(`expected ADDED, got ${submitted.outcome}`);
    // Set-up, not an event: nothing on the shared database is to announce it (see withOutboxSettled).
    await env.deps.db.outboxEvent.update({ where: { id: submitted.outboxEventId }, data: { processedAt: new Date() } });
    const page = await b.services.listDashboard(f.ownerId, { view: 'pool', search: name });
    expect(page.rows.map((r) => r.firstName)).toContain('Cache');
  });
});
