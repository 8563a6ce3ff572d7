import { openNotifyEnv, linkChat, submitCandidate, type NotifyEnv } from '../../support/notify';
import { createUser, openTestEnv, seedFixture, type Fixture, type TestEnv } from '../../support/services';

/** Issue 8, must-show 2 at the service level: who hears about what, on which channels. */
let env: TestEnv;
let f: Fixture;
let n: NotifyEnv;

beforeAll(async () => {
  env = await openTestEnv();
  f = await seedFixture(env);
  n = await openNotifyEnv(env);
});
afterAll(async () => {
  await n.close();
  await env.close();
});

const textOf = (m: { message: { body: { type: string } } }) => (m.message.body as { text?: string }).text ?? '';
const sentTo = (channel: { sent: { address: unknown }[] }, identityAddress: string) =>
  channel.sent.filter((s) => (s.address as { chat: string }).chat === identityAddress);

async function addressOf(identityId: string): Promise<string> {
  const row = await env.deps.db.chatIdentity.findUniqueOrThrow({ where: { id: identityId }, select: { address: true } });
  return (row.address as { chat: string }).chat;
}

test('a recruiter comment reaches the submitter and the agency admins on every linked channel, and a reply can find it', async () => {
  const userWeb = await addressOf(await linkChat(env, f.userA, 'WEB'));
  const userTelegram = await addressOf(await linkChat(env, f.userA, 'TELEGRAM'));
  const adminWeb = await addressOf(await linkChat(env, f.adminA, 'WEB'));
  const otherAgencyAdmin = await addressOf(await linkChat(env, f.adminB, 'WEB'));
  const colleague = await addressOf(await linkChat(env, f.userA2, 'WEB'));
  const ref = await submitCandidate(env, f.userA, f.campaignId);
  const [webBefore, tgBefore] = [n.web.sent.length, n.telegram.sent.length];

  await n.services.addComment(f.recruiterId, ref, 'Can she start in January?');
  await n.queue.idle();

  const web = n.web.sent.slice(webBefore);
  const telegram = n.telegram.sent.slice(tgBefore);
  expect(sentTo({ sent: web }, userWeb)).toHaveLength(1);
  expect(sentTo({ sent: telegram }, userTelegram)).toHaveLength(1);
  expect(sentTo({ sent: web }, adminWeb)).toHaveLength(1);
  expect(sentTo({ sent: web }, otherAgencyAdmin)).toHaveLength(0);
  expect(sentTo({ sent: web }, colleague)).toHaveLength(0);
  expect(web).toHaveLength(2);
  // Each channel says how to answer in the words of its own reply control.
  for (const s of web) expect(textOf(s)).toMatch(/Press Reply under this message to answer\.$/);
  for (const s of telegram) expect(textOf(s)).toMatch(/Reply to this message to answer\.$/);
  for (const s of [...web, ...telegram]) {
    expect(s.message.replyKey).toBe(`candidate:${ref}`);
    expect(textOf(s)).toContain('Can she start in January?');
    // The engine routes a reply by this ref back to the candidate.
    expect(await env.services.findCandidateRefByMessage(s.messageRef)).toBe(ref);
  }
  const rows = await env.deps.db.notification.findMany({ where: { candidate: { ref } } });
  expect(rows.map((r) => r.status)).toEqual(['SENT', 'SENT', 'SENT']);
  expect(await env.deps.db.deliveryAttempt.count({ where: { notificationId: { in: rows.map((r) => r.id) } } })).toBe(3);
});

test('the agency user’s comment reaches the campaign’s recruiters; one without a chat gets it by email', async () => {
  const recruiterWeb = await addressOf(await linkChat(env, f.recruiterId, 'WEB'));
  const unlinked = await createUser(env, 'RECRUITER', null, 'mail-recruiter');
  const unassigned = await createUser(env, 'RECRUITER', null, 'other-recruiter');
  await linkChat(env, unassigned, 'WEB');
  await env.deps.db.campaignRecruiter.create({ data: { campaignId: f.campaignId, userId: unlinked } });
  const ref = await submitCandidate(env, f.userA, f.campaignId);
  const [webBefore, mailsBefore] = [n.web.sent.length, n.mailer.mails.length];

  await n.services.addComment(f.userA, ref, 'Yes, she can start on January 6.');
  await n.queue.idle();

  const web = n.web.sent.slice(webBefore);
  expect(web).toHaveLength(1);
  expect(sentTo({ sent: web }, recruiterWeb)).toHaveLength(1);
  expect(textOf(web[0]!)).toContain('Yes, she can start on January 6.');
  const mails = n.mailer.mails.slice(mailsBefore);
  const unlinkedEmail = (await env.deps.db.user.findUniqueOrThrow({ where: { id: unlinked } })).email;
  expect(mails.map((m) => m.to)).toEqual([unlinkedEmail]);
  expect(mails[0]!.text).toContain('Yes, she can start on January 6.');
});

test('a stage change notifies the submitter only', async () => {
  const submitter = await createUser(env, 'AGENCY_USER', f.agencyA, 'stage-submitter');
  const userWeb = await addressOf(await linkChat(env, submitter, 'WEB'));
  const ref = await submitCandidate(env, submitter, f.campaignId);
  const before = n.web.sent.length;

  await n.services.changeStage(f.recruiterId, ref, 'INTERVIEW');
  await n.queue.idle();

  const web = n.web.sent.slice(before);
  expect(web).toHaveLength(1);
  expect(sentTo({ sent: web }, userWeb)).toHaveLength(1);
  // The stage as people read it, never its enum name.
  expect(textOf(web[0]!)).toMatch(/moved from New to Interview/);
});

test('the same event fanned out twice sends once', async () => {
  const ref = await submitCandidate(env, f.userA, f.campaignId);
  const added = await env.services.addComment(f.recruiterId, ref, 'Once only.');
  const first = await n.notifier.onCommentAdded(added);
  // A repeat adds no row; it may enqueue the rows still pending again (their job ids keep that to one job).
  await n.notifier.onCommentAdded(added);
  await n.queue.idle();
  expect(first).toBeGreaterThan(0);
  const rows = await env.deps.db.notification.findMany({
    where: { dedupeKey: { startsWith: `comment:${added.commentId}:` } },
    select: { status: true, attempts: true },
  });
  expect(rows).toHaveLength(first);
  expect(rows.every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
});
