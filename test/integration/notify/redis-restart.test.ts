import { openNotifyEnv, linkChat, submitCandidate, type NotifyEnv } from '../../support/notify';
import { startPrivateRedis, type PrivateRedis } from '../../support/private-redis';
import { createUser, openTestEnv, seedFixture, type Fixture, type TestEnv } from '../../support/services';

/**
 * Issue 8, must-show 3: Redis restarted (without persistence, so its jobs are gone) in the middle
 * of a burst → no notification lost. The Notification rows are the record; the sweeper re-enqueues
 * what is still pending. A private redis-server keeps the outage away from other suites.
 */
jest.setTimeout(90_000);

let env: TestEnv;
let f: Fixture;
let redis: PrivateRedis;
let n: NotifyEnv;
let stopSweeper: () => void = () => undefined;

beforeAll(async () => {
  env = await openTestEnv();
  f = await seedFixture(env);
  redis = await startPrivateRedis();
  n = await openNotifyEnv(env, { redisUrl: redis.url, attempts: 5, backoffMs: 50, latencyMs: 15, sweepAfterMs: 500 });
  stopSweeper = n.notifier.startSweeper(250);
});
afterAll(async () => {
  stopSweeper();
  await redis.start().catch(() => undefined);
  await n.close();
  await redis.stop();
  await env.close();
});

test('a burst of 40 stage changes survives a Redis restart: 40 delivered, each once', async () => {
  const BURST = 40;
  const submitter = await createUser(env, 'AGENCY_USER', f.agencyA, 'burst');
  const identityId = await linkChat(env, submitter, 'WEB');
  const { address } = await env.deps.db.chatIdentity.findUniqueOrThrow({ where: { id: identityId } });
  const refs: number[] = [];
  for (let i = 0; i < BURST; i++) refs.push(await submitCandidate(env, submitter, f.campaignId));
  const before = n.web.sent.length;

  for (const [i, ref] of refs.entries()) {
    if (i === 15) {
      await redis.stop();
      // The outage: the stage changes go on (the API answers), their jobs cannot be queued.
      setTimeout(() => void redis.start(), 400);
    }
    await n.services.changeStage(f.recruiterId, ref, 'SCREENING');
  }

  const deadline = Date.now() + 60_000;
  const pending = () => env.deps.db.notification.count({ where: { candidate: { ref: { in: refs } }, status: { not: 'SENT' } } });
  while ((await pending()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));

  expect(await pending()).toBe(0);
  // Only the submitter's: the outbox relay also tells the recruiters of each new candidate.
  const delivered = n.web.sent
    .slice(before)
    .filter((s) => JSON.stringify(s.address) === JSON.stringify(address))
    .map((s) => s.message.replyKey);
  expect(delivered).toHaveLength(BURST);
  expect(new Set(delivered).size).toBe(BURST);
  expect(await env.deps.db.notification.count({ where: { candidate: { ref: { in: refs } }, kind: 'STAGE_CHANGE' } })).toBe(BURST);
});
