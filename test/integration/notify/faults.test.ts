import { runAdminCommand } from '../../../src/cli/admin-commands';
import { ChannelError } from '../../../src/engine/channel';
import { openNotifyEnv, linkChat, submitCandidate, type NotifyEnv } from '../../support/notify';
import { createUser, openTestEnv, seedFixture, type Fixture, type TestEnv } from '../../support/services';

/** Issue 8, must-show 3 (first two faults): retries that end in exactly one delivery, and a recorded failure. */
let env: TestEnv;
let f: Fixture;
let n: NotifyEnv;

beforeAll(async () => {
  env = await openTestEnv();
  f = await seedFixture(env);
  n = await openNotifyEnv(env, { attempts: 3, backoffMs: 20 });
});
afterAll(async () => {
  await n.close();
  await env.close();
});

/** A fresh agency user with one web chat and a candidate of theirs: the only recipient of a stage change. */
async function lonelySubmitter() {
  const userId = await createUser(env, 'AGENCY_USER', f.agencyA, 'fault');
  const identityId = await linkChat(env, userId, 'WEB');
  const ref = await submitCandidate(env, userId, f.campaignId);
  return { userId, identityId, ref };
}

const attemptsOf = (ref: number) =>
  env.deps.db.deliveryAttempt.findMany({ where: { notification: { candidate: { ref } } }, orderBy: { at: 'asc' } });

test('rate limited, then unreachable, then fine → delivered exactly once, every attempt recorded', async () => {
  const { ref } = await lonelySubmitter();
  const before = n.web.sent.length;
  n.web.script(
    new ChannelError('RATE_LIMITED', '429 Too Many Requests', { retryAfterMs: 120 }),
    new ChannelError('UNREACHABLE', '500 Internal Server Error'),
  );
  const started = Date.now();
  await n.services.changeStage(f.recruiterId, ref, 'SCREENING');
  await n.queue.idle();

  expect(n.web.sent.length - before).toBe(1);
  // The 429's Retry-After was honoured before the second try.
  expect(Date.now() - started).toBeGreaterThanOrEqual(120);
  const attempts = await attemptsOf(ref);
  expect(attempts.map((a) => [a.attempt, a.ok, a.errorCode])).toEqual([
    [1, false, 'RATE_LIMITED'],
    [2, false, 'UNREACHABLE'],
    [3, true, null],
  ]);
  const row = await env.deps.db.notification.findFirstOrThrow({ where: { candidate: { ref } } });
  expect(row.status).toBe('SENT');
  expect(row.platformMessageId).toBe(n.web.sent.at(-1)?.messageRef);
});

test('failing every time → FAILED after the last try, and listed as a failed delivery', async () => {
  const { ref } = await lonelySubmitter();
  n.web.failAlways(new ChannelError('UNREACHABLE', '502 Bad Gateway'));
  try {
    await n.services.changeStage(f.recruiterId, ref, 'OFFER');
    await n.queue.idle();
  } finally {
    n.web.failAlways(null);
  }
  const row = await env.deps.db.notification.findFirstOrThrow({ where: { candidate: { ref } } });
  expect(row.status).toBe('FAILED');
  expect(row.attempts).toBe(3);
  expect(row.failedAt).not.toBeNull();
  expect(await attemptsOf(ref)).toHaveLength(3);
  const failed = await env.services.listDeliveries(f.ownerId, { status: 'failed', limit: 200 });
  expect(failed.find((d) => d.id === row.id)).toMatchObject({ status: 'FAILED', candidateRef: ref, attempts: 3, channel: 'WEB' });
  await expect(env.services.listDeliveries(f.userA, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  // `npm run admin -- deliveries` lists it too.
  const lines: string[] = [];
  await runAdminCommand(env.services, ['deliveries', '--limit', '200'], (line) => lines.push(line));
  expect(lines[0]).toMatch(/^CREATED\s+STATUS\s+KIND/);
  expect(lines.find((l) => l.includes(`C-${ref}`))).toMatch(/FAILED\s+STAGE_CHANGE\s+WEB/);
});

test('a blocked bot (FORBIDDEN) stops at once and marks the chat unreachable; the next event goes by email', async () => {
  const { identityId, ref } = await lonelySubmitter();
  n.web.script(new ChannelError('FORBIDDEN', 'bot was blocked by the user'));
  await n.services.changeStage(f.recruiterId, ref, 'INTERVIEW');
  await n.queue.idle();
  const row = await env.deps.db.notification.findFirstOrThrow({ where: { candidate: { ref } } });
  expect(row.status).toBe('UNREACHABLE');
  expect(await attemptsOf(ref)).toHaveLength(1);
  const identity = await env.deps.db.chatIdentity.findUniqueOrThrow({ where: { id: identityId } });
  expect(identity.unreachableAt).not.toBeNull();

  const mailsBefore = n.mailer.mails.length;
  await n.services.changeStage(f.recruiterId, ref, 'OFFER');
  await n.queue.idle();
  expect(n.mailer.mails.length - mailsBefore).toBe(1);
});
