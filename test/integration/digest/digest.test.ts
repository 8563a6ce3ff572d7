import { ownershipOf, windowStart } from '../../../src/domain/duplicates';
import { createLogger } from '../../../src/logger';
import { createDigestScheduler, type DigestScheduler } from '../../../src/notify/digest';
import { chat, linkIdentity, openEngineEnv, type EngineEnv } from '../../support/engine';
import { linkChat, openNotifyEnv, submitCandidate, type NotifyEnv } from '../../support/notify';
import { openOwnTestEnv } from '../../support/own-database';
import { createUser, seedFixture, testClock, unique, type Fixture, type TestEnv } from '../../support/services';

/**
 * Issue 19, "ownership is reminded": the daily digest on the engine and the delivery path. The
 * fixture's agency A is in the Philippines, so its users' digests come at 08:00 Asia/Manila
 * (00:00 UTC); the clock is the services' and the scheduler's, moved by the tests.
 */
const DAY_MS = 86_400_000;
let env: TestEnv;
let ee: EngineEnv;
let notify: NotifyEnv;
let digests: DigestScheduler;
let f: Fixture;
jest.setTimeout(30_000);

beforeAll(async () => {
  env = await openOwnTestEnv(testClock());
  ee = await openEngineEnv({ env });
  notify = await openNotifyEnv(env);
  digests = createDigestScheduler({
    db: env.deps.db,
    notifier: notify.notifier,
    logger: createLogger('silent'),
    now: env.clock.now,
  });
  f = await seedFixture(env);
});
afterAll(async () => {
  await notify?.close();
  await ee?.close();
  await env?.close();
});

/** The first 08:00 in Manila (00:00 UTC) after the real now: comments written now fall in that digest's day. */
function nextManilaEight(): Date {
  const now = Date.now();
  return new Date(Math.ceil((now + 1) / DAY_MS) * DAY_MS);
}

/** Runs a digest pass at `at` and waits until what it wrote is delivered. */
async function digestAt(at: Date) {
  env.clock.set(at);
  const pass = await digests.runDue();
  await notify.queue.idle();
  return pass;
}

/** The texts the recording web channel delivered to this chat. */
const deliveredTo = (chatId: string) =>
  notify.web.sent
    .filter((s) => (s.address as { chat?: string }).chat === chatId)
    .map((s) => (s.message.body.type === 'text' ? s.message.body.text : ''));

const webChatOf = async (userId: string) => {
  const id = await linkChat(env, userId, 'WEB');
  const identity = await env.deps.db.chatIdentity.findUniqueOrThrow({ where: { id } });
  return identity.platformUserId;
};

const candidateName = async (ref: number) => {
  const c = await env.deps.db.candidate.findUniqueOrThrow({ where: { ref }, select: { firstName: true, lastName: true } });
  return `${c.firstName} ${c.lastName}`;
};

describe('digest on | off | status', () => {
  test('on by default; off stops it, on brings it back; status says when and in which zone', async () => {
    const user = chat(ee, await linkIdentity(env, await createUser(env, 'AGENCY_USER', f.agencyA)));
    expect(await user.say('digest status')).toEqual([
      'Your daily digest is on: it comes at 08:00 (Asia/Manila) on days with something to tell — recruiter comments, stage changes, and candidates whose ownership ends within 14 days with no progress. “digest off” stops it.',
    ]);
    expect(await user.say('digest off')).toEqual(['Done: no more daily digests. “digest on” turns it back on.']);
    expect(await user.say('digest')).toEqual(['Your daily digest is off. “digest on” turns it on.']);
    expect(await user.say('digest on')).toEqual([
      'Done: your daily digest is on. It comes at 08:00 (Asia/Manila) on days with something to tell.',
    ]);
  });

  test('the help line says it is on by default, and why', async () => {
    const user = chat(ee, await linkIdentity(env, f.userA));
    const [help] = await user.say('help');
    expect(help).toContain(
      '• digest [on|off|status] — daily digest of comments, stage changes, ownership ending soon; on by default, as it only comes on days with news',
    );
  });

  test('recruiters have no digest', async () => {
    const recruiter = chat(ee, await linkIdentity(env, f.recruiterId));
    expect((await recruiter.say('digest off'))[0]).toMatch(/not/i);
    // The service refuses them too (another caller than the chat), saying what they get instead.
    await expect(env.services.setDigestEnabled(f.recruiterId, false)).rejects.toThrow(
      'The daily digest is for agency users and admins. Owners and recruiters are told of new candidates, comments and disputes as they happen; type “help” for your commands.',
    );
  });

  test('a user who turned it off gets none, however much happened', async () => {
    const userId = await createUser(env, 'AGENCY_USER', f.agencyA);
    const chatId = await webChatOf(userId);
    await chat(ee, await linkIdentity(env, userId)).say('digest off');
    env.clock.set(new Date());
    const ref = await submitCandidate(env, userId, f.campaignId);
    await env.services.addComment(f.recruiterId, ref, 'Is she available on Monday?');
    await digestAt(nextManilaEight());
    expect(deliveredTo(chatId)).toEqual([]);
    expect(await env.deps.db.digestRun.count({ where: { userId } })).toBe(0);
  });
});

describe('what a digest tells', () => {
  test('a recruiter comment, a stage change and an ownership ending within 14 days, once, in one message', async () => {
    const userId = await createUser(env, 'AGENCY_USER', f.agencyA);
    const chatId = await webChatOf(userId);
    const digestTime = nextManilaEight();
    // Submitted six months (the default window) before ten days after the digest: ownership ends then.
    env.clock.set(windowStart(new Date(digestTime.getTime() + 10 * DAY_MS), 6));
    const ending = await submitCandidate(env, userId, f.campaignId);
    env.clock.set(new Date());
    const busy = await submitCandidate(env, userId, f.campaignId);
    await env.services.addComment(f.recruiterId, busy, 'Please send the updated resume.');
    await env.services.changeStage(f.recruiterId, busy, 'SCREENING');
    const recruiter = await env.deps.db.user.findUniqueOrThrow({ where: { id: f.recruiterId }, select: { name: true } });
    const owned = await env.deps.db.candidate.findUniqueOrThrow({ where: { ref: ending } });
    const untilDay = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(ownershipOf(owned, 6).until);
    const today = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'Asia/Manila' }).format(digestTime);

    await digestAt(digestTime);
    expect(deliveredTo(chatId)).toEqual([
      [
        `Your daily digest, ${today}`,
        `Recruiter comments:\n• C-${busy} ${await candidateName(busy)} — ${recruiter.name}: “Please send the updated resume.”`,
        `Stage changes:\n• C-${busy} ${await candidateName(busy)}: New → Screening`,
        `Ownership ends within 14 days, still at New:\n• C-${ending} ${await candidateName(ending)} — owned until ${untilDay}`,
        `Open one with “candidate C-${busy}”. “digest off” stops these summaries.`,
      ].join('\n\n'),
    ]);
    // Later the same day, nothing more: the day is claimed.
    expect((await digestAt(new Date(digestTime.getTime() + 5 * 3_600_000))).claimed).toBe(0);
    expect(deliveredTo(chatId)).toHaveLength(1);
    const notification = await env.deps.db.notification.findFirstOrThrow({ where: { recipientId: userId, kind: 'DIGEST' } });
    expect(notification).toMatchObject({ status: 'SENT', channel: 'WEB', candidateId: null });
  });

  test('the next day tells only what is new since the previous digest', async () => {
    const userId = await createUser(env, 'AGENCY_USER', f.agencyA);
    const chatId = await webChatOf(userId);
    env.clock.set(new Date());
    const ref = await submitCandidate(env, userId, f.campaignId);
    await env.services.addComment(f.recruiterId, ref, 'First question.');
    const first = nextManilaEight();
    await digestAt(first);
    expect(deliveredTo(chatId)).toHaveLength(1);
    // The comment is older than the first digest's end: the second day has nothing to tell.
    await digestAt(new Date(first.getTime() + DAY_MS));
    expect(deliveredTo(chatId)).toHaveLength(1);
  });

  test('nothing to say: nothing is sent, and the day is still claimed', async () => {
    const userId = await createUser(env, 'AGENCY_USER', f.agencyA);
    const chatId = await webChatOf(userId);
    env.clock.set(new Date());
    await submitCandidate(env, userId, f.campaignId);
    await digestAt(nextManilaEight());
    expect(deliveredTo(chatId)).toEqual([]);
    expect(await env.deps.db.notification.count({ where: { recipientId: userId } })).toBe(0);
    expect(await env.deps.db.digestRun.findMany({ where: { userId }, select: { items: true } })).toEqual([{ items: 0 }]);
  });

  test('an admin’s digest covers the agency’s candidates and nothing of another agency', async () => {
    const agencyName = unique('Other Agency');
    const other = await env.deps.db.agency.create({ data: { name: agencyName, country: 'PH' }, select: { id: true } });
    const [adminId, userId, strangerId] = [
      await createUser(env, 'AGENCY_ADMIN', f.agencyA),
      await createUser(env, 'AGENCY_USER', f.agencyA),
      await createUser(env, 'AGENCY_USER', other.id, 'stranger'),
    ];
    const adminChat = await webChatOf(adminId);
    const stranger = await env.deps.db.user.findUniqueOrThrow({ where: { id: strangerId }, select: { name: true } });
    const campaignName = unique('Secret Campaign');
    const otherCampaign = await env.deps.db.campaign.create({ data: { name: campaignName }, select: { id: true } });
    env.clock.set(new Date());
    const ours = await submitCandidate(env, userId, f.campaignId);
    const theirs = await submitCandidate(env, strangerId, otherCampaign.id);
    await env.services.addComment(f.recruiterId, ours, 'Ours: call me.');
    await env.services.addComment(f.ownerId, theirs, 'Theirs: call me.');
    await env.services.changeStage(f.ownerId, theirs, 'INTERVIEW');

    await digestAt(nextManilaEight());
    const [digest] = deliveredTo(adminChat);
    expect(digest).toMatch(/^Your agency’s daily digest, /);
    expect(digest).toContain(`C-${ours} ${await candidateName(ours)}`);
    expect(digest).toContain('Ours: call me.');
    for (const secret of [agencyName, stranger.name ?? '', campaignName, `C-${theirs}`, await candidateName(theirs), 'Theirs'])
      expect(digest).not.toContain(secret);
  });

  test('in the reader’s language, dates as their locale writes them', async () => {
    const userId = await createUser(env, 'AGENCY_USER', f.agencyA, 'leitora', 'pt-BR');
    const chatId = await webChatOf(userId);
    env.clock.set(new Date());
    const ref = await submitCandidate(env, userId, f.campaignId);
    await env.services.changeStage(f.recruiterId, ref, 'INTERVIEW');
    const at = nextManilaEight();
    await digestAt(at);
    const today = new Intl.DateTimeFormat('pt-BR', { dateStyle: 'medium', timeZone: 'Asia/Manila' }).format(at);
    expect(deliveredTo(chatId)).toEqual([
      [
        `Seu resumo diário, ${today}`,
        `Mudanças de etapa:\n• C-${ref} ${await candidateName(ref)}: Novo → Entrevista`,
        `Abra um com “candidate C-${ref}”. “digest off” desliga estes resumos.`,
      ].join('\n\n'),
    ]);
  });

  test('a user with no chat linked gets it by email, through the same delivery records', async () => {
    const userId = await createUser(env, 'AGENCY_USER', f.agencyA);
    const user = await env.deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    env.clock.set(new Date());
    const ref = await submitCandidate(env, userId, f.campaignId);
    await env.services.addComment(f.recruiterId, ref, 'Mail me back.');
    await digestAt(nextManilaEight());
    const mails = notify.mailer.mails.filter((m) => m.to === user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/^Your Endorse digest, /);
    expect(mails[0]?.text).toContain('Mail me back.');
    const row = await env.deps.db.notification.findFirstOrThrow({
      where: { recipientId: userId, kind: 'DIGEST' },
      select: { channel: true, status: true, deliveryAttempts: { select: { ok: true } } },
    });
    expect(row).toEqual({ channel: 'EMAIL', status: 'SENT', deliveryAttempts: [{ ok: true }] });
  });
});
