import { runAdminCommand } from '../../../src/cli/admin-commands';
import { ChannelError } from '../../../src/engine/channel';
import { openNotifyEnv, linkChat, submitCandidate, type NotifyEnv } from '../../support/notify';
import { createUser, openTestEnv, seedFixture, type Fixture, type TestEnv } from '../../support/services';

/**
 * Issue 16 (break 4): a platform down for longer than one round of quick tries (about half a
 * minute in production) no longer makes a delivery FAILED: rounds follow on a schedule up to hours
 * (shortened here), and owners can send FAILED ones again once the platform is back.
 */
let env: TestEnv;
let f: Fixture;
let n: NotifyEnv;
const down = () => new ChannelError('UNREACHABLE', '502 Bad Gateway');

beforeAll(async () => {
  env = await openTestEnv();
  f = await seedFixture(env);
  n = await openNotifyEnv(env, { attempts: 2, backoffMs: 10, retryDelaysMs: [80, 160], sweepAfterMs: 0 });
});
afterAll(async () => {
  await n.close();
  await env.close();
});

async function lonelySubmitter() {
  const userId = await createUser(env, 'AGENCY_USER', f.agencyA, 'longretry');
  await linkChat(env, userId, 'WEB');
  return { userId, ref: await submitCandidate(env, userId, f.campaignId) };
}
const rowOf = (ref: number) => env.deps.db.notification.findFirstOrThrow({ where: { candidate: { ref } } });
const attemptsOf = async (ref: number) =>
  (
    await env.deps.db.deliveryAttempt.findMany({ where: { notification: { candidate: { ref } } }, orderBy: { attempt: 'asc' } })
  ).map((a) => (a.ok ? 'ok' : a.errorCode));

test('down through a whole round of tries, back later → the next round delivers it once, not FAILED', async () => {
  const { ref } = await lonelySubmitter();
  const before = n.web.sent.length;
  n.web.script(down(), down(), down());
  await n.services.changeStage(f.recruiterId, ref, 'SCREENING');
  await n.queue.idle();
  expect(n.web.sent.length - before).toBe(1);
  // Round 1: two tries; round 2 (after 80 ms): one failure, then through.
  expect(await attemptsOf(ref)).toEqual(['UNREACHABLE', 'UNREACHABLE', 'UNREACHABLE', 'ok']);
  expect(await rowOf(ref)).toMatchObject({ status: 'SENT', retryRound: 1, retryAt: null });
});

test('down through every round → FAILED for good after the last, every try recorded', async () => {
  const { ref } = await lonelySubmitter();
  n.web.failAlways(down());
  try {
    await n.services.changeStage(f.recruiterId, ref, 'SCREENING');
    await n.queue.idle();
  } finally {
    n.web.failAlways(null);
  }
  expect(await attemptsOf(ref)).toHaveLength(6);
  expect(await rowOf(ref)).toMatchObject({ status: 'FAILED', retryRound: 2, attempts: 6 });
});

test('a row waiting for its next round is left alone by the sweeper until the round is due', async () => {
  const { ref } = await lonelySubmitter();
  await n.services.changeStage(f.recruiterId, ref, 'SCREENING');
  await n.queue.idle();
  const row = await rowOf(ref);
  await env.deps.db.notification.update({
    where: { id: row.id },
    data: { status: 'PENDING', retryRound: 1, retryAt: new Date(Date.now() + 3_600_000), sentAt: null },
  });
  // Counted on this row's own attempts: the sweeper also takes up whatever other suites left
  // pending in the shared database, as it should.
  const triedBefore = (await attemptsOf(ref)).length;
  await n.notifier.sweep();
  await n.queue.idle();
  expect(await attemptsOf(ref)).toHaveLength(triedBefore);
  // Its hour has come (or the delayed job was lost with Redis): the sweeper starts the round.
  await env.deps.db.notification.update({ where: { id: row.id }, data: { retryAt: new Date(Date.now() - 1) } });
  await n.notifier.sweep();
  await n.queue.idle();
  expect((await attemptsOf(ref)).slice(triedBefore)).toEqual(['ok']);
  expect(await rowOf(ref)).toMatchObject({ status: 'SENT', retryAt: null });
});

test('owners send FAILED deliveries again: the services (chat, API) enqueue at once; the CLI leaves them to the sweeper', async () => {
  const failedOne = async () => {
    const { ref } = await lonelySubmitter();
    n.web.failAlways(down());
    try {
      await n.services.changeStage(f.recruiterId, ref, 'SCREENING');
      await n.queue.idle();
    } finally {
      n.web.failAlways(null);
    }
    const row = await rowOf(ref);
    expect(row.status).toBe('FAILED');
    return row;
  };
  const first = await failedOne();
  await expect(n.services.retryDeliveries(f.userA, { ids: [first.id] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  const sentBefore = n.web.sent.length;
  expect((await n.services.retryDeliveries(f.ownerId, { ids: [first.id] })).retried).toEqual([{ id: first.id, retryRound: 3 }]);
  await n.queue.idle();
  expect(n.web.sent.length).toBe(sentBefore + 1);
  expect(await env.deps.db.notification.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: 'SENT' });
  // Sent already: a second retry finds nothing to do.
  expect((await n.services.retryDeliveries(f.ownerId, { ids: [first.id] })).retried).toEqual([]);

  const second = await failedOne();
  const lines: string[] = [];
  await runAdminCommand(env.services, ['deliveries', 'retry', second.id], (line) => lines.push(line));
  expect(lines).toEqual(['Sending 1 failed deliveries again; `deliveries --status pending` follows them.']);
  expect(await env.deps.db.notification.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: 'PENDING' });
  await n.notifier.sweep();
  await n.queue.idle();
  expect(await env.deps.db.notification.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: 'SENT' });
  expect(await env.deps.db.auditLog.count({ where: { action: 'deliveries.retry' } })).toBeGreaterThanOrEqual(2);
});
