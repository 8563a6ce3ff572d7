import { createQueue, type JobQueue } from '../../../src/jobs';
import { createLogger } from '../../../src/logger';
import { createChannelRegistry, createNotifier, createRateLimiter, withNotifications } from '../../../src/notify';
import { createServices, SYSTEM_ACTOR } from '../../../src/services';
import { formatDate } from '../../../src/i18n/format';
import { ownershipOf } from '../../../src/domain/duplicates';
import { chat, fakeChannel, linkIdentity, openEngineEnv, render, type Chat, type EngineEnv } from '../../support/engine';
import { createRecordingMailer } from '../../support/recording-channel';
import {
  createUser,
  dropDisputeNotifications,
  openTestEnv,
  seedFixture,
  unique,
  uniquePhone,
  type Fixture,
} from '../../support/services';

jest.setTimeout(60_000);

/**
 * Issue 19, disputes, as conversations: an agency contests a duplicate or a block from chat; owners
 * and the campaign's recruiters hear of it with Uphold / Transfer buttons and decide; the agency is
 * told the decision with its reason, and nothing of the other agency.
 */
let ee: EngineEnv;
let notifyQueue: JobQueue;
let f: Fixture;
let campaign: string;
let agencyAName: string;

beforeAll(async () => {
  const env = await openTestEnv();
  const logger = createLogger('silent');
  const channel = fakeChannel('WEB');
  notifyQueue = createQueue({ logger });
  const notifier = createNotifier({
    db: env.deps.db,
    sql: env.deps.sql,
    queue: notifyQueue,
    logger,
    now: env.clock.now,
    publicUrl: env.deps.publicUrl,
    channels: createChannelRegistry([channel]),
    mailer: createRecordingMailer(),
    limiter: createRateLimiter({ limits: {} }),
    delivery: { attempts: 2, backoffMs: 10, leaseMs: 5_000, retryDelaysMs: [] },
  });
  notifier.register();
  await notifyQueue.start();
  // The engine holds the notifying services, as in production.
  const services = withNotifications(createServices(env.deps), notifier, logger);
  ee = await openEngineEnv({ env: { ...env, services }, channel });
  f = await seedFixture(env);
  campaign = (await env.deps.db.campaign.findUniqueOrThrow({ where: { id: f.campaignId } })).name;
  agencyAName = (await env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyA } })).name;
});
afterEach(() => notifyQueue.idle());
afterAll(async () => {
  await notifyQueue.idle();
  await notifyQueue.close();
  await dropDisputeNotifications(ee.env);
  await ee.close();
  await ee.env.close();
});

/** A chat that has spoken once, so the bot knows where to reach it later. */
async function as(userId: string): Promise<Chat> {
  const c = chat(ee, await linkIdentity(ee.env, userId));
  await c.say('help');
  return c;
}

/** What the notification path delivered to this chat since `from` (an index into the channel's sends). */
function deliveredTo(c: Chat, from = 0): string[] {
  return ee.channel.sent
    .slice(from)
    .filter((s) => (s.address as { conversationId?: string }).conversationId === c.conversationId)
    .map((s) => render(s.message));
}

/** A surname of letters only (the wizard refuses digits in names), unique per test. */
const surname = () =>
  `Reyes${unique()
    .slice(2)
    .replace(/[^0-9a-f]/g, '')
    .replace(/\d/g, (d) => 'ghijklmnop'[Number(d)] ?? 'x')}`;
const person = () => ({ phone: uniquePhone(), email: `${unique('ana')}@example.com`, last: surname() });

/** Agency A adds the person (unless it holds them already); agency B's user submits them again in chat. */
async function duplicateInChat(agencyB: Chat, p = person(), holderSubmits = true): Promise<string> {
  if (holderSubmits)
    await ee.env.services.submitCandidate(f.userA, {
      firstName: 'Ana',
      lastName: p.last,
      phone: p.phone,
      email: p.email,
      campaignId: f.campaignId,
      channel: 'WEB',
    });
  await agencyB.say('submit');
  await agencyB.say(`Ana ${p.last} ${p.phone} ${p.email}`);
  await agencyB.press(campaign);
  await agencyB.press('Skip');
  const [outcome] = await agencyB.press('Confirm');
  return outcome ?? '';
}

/** The same, through the services: the DUPLICATE submission's short reference. */
async function duplicateRef(p = person(), byUser = f.userB): Promise<string> {
  const common = {
    firstName: 'Ana',
    lastName: p.last,
    phone: p.phone,
    email: p.email,
    campaignId: f.campaignId,
    channel: 'WEB' as const,
  };
  await ee.env.services.submitCandidate(f.userA, common);
  const result = await ee.env.services.submitCandidate(byUser, common);
  if (result.outcome !== 'DUPLICATE') throw new Error(`expected DUPLICATE, got ${result.outcome}`);
  return `S-${result.submissionId.slice(0, 8)}`;
}

const disputeRefIn = (reply: string | undefined): string => {
  const match = /Dispute (D-\d+) is sent/.exec(reply ?? '');
  if (!match?.[1]) throw new Error(`no dispute reference in: ${reply}`);
  return match[1];
};

test('an agency user presses Dispute on a duplicate, gives the reason when asked, confirms, and is told what happens next', async () => {
  const owner = await as(f.ownerId);
  const recruiter = await as(f.recruiterId);
  const agencyB = await as(f.userB);
  const sentBefore = ee.channel.sent.length;

  const outcome = await duplicateInChat(agencyB);
  expect(outcome).toMatch(/^⛔ Duplicate\n/);
  expect(outcome).toMatch(/\n\[⚖️ Dispute\]$/);

  const [ask] = await agencyB.press('⚖️ Dispute');
  expect(ask).toMatch(/^Why should S-[0-9a-f]{8} be your agency’s candidate\? Type your reason, up to 2,000 characters/);

  const [confirm] = await agencyB.say('We presented Ana to the hiring manager in March, before anyone else.');
  expect(confirm).toContain('Your dispute of S-');
  expect(confirm).toContain(
    `(⛔ Duplicate, ${campaign}):\nWe presented Ana to the hiring manager in March, before anyone else.\nEvidence: none`,
  );
  expect(confirm).toMatch(/Another agency holds this person until \w{3} \d{1,2}, \d{4}\. Send the dispute\?/);
  expect(confirm).toMatch(/\[Send dispute\] \[Cancel\]$/);
  expect(confirm).not.toContain(agencyAName);

  const [sent] = await agencyB.press('Send dispute');
  expect(sent).toMatch(
    /^⚖️ Dispute D-\d+ is sent\. The employer’s owners and the campaign’s recruiters decide it: either the current holder keeps the person, or the candidate becomes your agency’s with a new ownership window from that day\. I will tell you here, with their reason\.$/,
  );
  const ref = disputeRefIn(sent);

  await notifyQueue.idle();
  for (const decider of [owner, recruiter]) {
    // (The recruiter also hears of agency A's new candidate.)
    const notices = deliveredTo(decider, sentBefore).filter((m) => m.startsWith('⚖️'));
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    expect(notice).toContain(`⚖️ Dispute ${ref}: `);
    expect(notice).toContain(`contests its ⛔ Duplicate outcome for C-`);
    expect(notice).toContain(`held by ${agencyAName}.`);
    expect(notice).toContain('Their reason: We presented Ana to the hiring manager in March, before anyone else.');
    expect(notice).toMatch(/\[Uphold\] \[Transfer\]$/);
  }
  const dispute = await ee.env.deps.db.dispute.findUniqueOrThrow({ where: { ref: Number(ref.slice(2)) } });
  expect(dispute).toMatchObject({ status: 'OPEN', agencyId: f.agencyB, openedById: f.userB, outcome: 'DUPLICATE' });
  expect(await ee.env.deps.db.auditLog.count({ where: { action: 'dispute.opened', targetId: dispute.id } })).toBe(1);
});

test('`dispute <ref> <reason>` goes straight to the confirmation, and a file sent then is attached as evidence', async () => {
  const agencyB = await as(f.userB);
  const ref = await duplicateRef();
  const [confirm] = await agencyB.say(`dispute ${ref} Ana applied through us on 3 March; see the attached email.`);
  expect(confirm).toContain(`Your dispute of ${ref} Ana `);
  expect(confirm).toContain('Ana applied through us on 3 March; see the attached email.\nEvidence: none');

  const [added, again] = await agencyB.file('intro-email.pdf', Buffer.from('%PDF-1.4\nan email thread\n%%EOF'));
  expect(added).toBe('📎 intro-email.pdf is attached as evidence.');
  expect(again).toContain('Evidence: intro-email.pdf');

  const [sent] = await agencyB.press('Send dispute');
  const dispute = await ee.env.deps.db.dispute.findUniqueOrThrow({
    where: { ref: Number(disputeRefIn(sent).slice(2)) },
    select: { reason: true, evidenceFile: { select: { filename: true, contentType: true } } },
  });
  expect(dispute).toEqual({
    reason: 'Ana applied through us on 3 March; see the attached email.',
    evidenceFile: { filename: 'intro-email.pdf', contentType: 'application/pdf' },
  });
});

test('without a reason the bot asks for one; cancel drops the dispute and its file', async () => {
  const agencyB = await as(f.userB);
  const ref = await duplicateRef();
  expect(await agencyB.say(`dispute ${ref}`)).toEqual([
    `Why should ${ref} be your agency’s candidate? Type your reason, up to 2,000 characters (or “cancel”). The employer’s owners and the campaign’s recruiters will read it.`,
  ]);
  await agencyB.file('note.pdf', Buffer.from('%PDF-1.4\nnote\n%%EOF'));
  const fileId = await ee.env.deps.db.storedFile.findFirstOrThrow({
    where: { filename: 'note.pdf' },
    orderBy: { createdAt: 'desc' },
  });
  expect(await agencyB.say('cancel')).toEqual(['Dispute dropped: nothing was sent.']);
  expect(await ee.env.deps.db.storedFile.findUnique({ where: { id: fileId.id } })).toBeNull();
  expect(await ee.env.deps.db.dispute.count({ where: { submission: { id: { startsWith: ref.slice(2) } } } })).toBe(0);
});

test('one open dispute per submission: a second one is refused, saying which is open', async () => {
  const agencyB = await as(f.userB);
  const admin = await as(f.adminB);
  const ref = await duplicateRef();
  await agencyB.say(`dispute ${ref} We were first.`);
  const [sent] = await agencyB.press('Send dispute');
  const dispute = disputeRefIn(sent);
  expect(await admin.say(`dispute ${ref} We were first, really.`)).toEqual([
    `${ref} already has an open dispute, ${dispute}. You will be told here when it is decided.`,
  ]);
});

test('only the submitting agency disputes: another agency’s user, and the employer’s people, are refused', async () => {
  const ref = await duplicateRef();
  const otherAgency = await as(f.userA);
  expect(await otherAgency.say(`dispute ${ref} It is ours.`)).toEqual([
    `There is no submission ${ref} of your agency. Type “candidates outcome:duplicate”, “candidates outcome:insystem” or “candidates outcome:blocked” to see the ones you can dispute.`,
  ]);
  const recruiter = await as(f.recruiterId);
  expect(await recruiter.say(`dispute ${ref} Hm.`)).toEqual([
    '“dispute” is not available to you. Type “help” to see what you can do.',
  ]);
  // Nor an outcome that kept the person for the agency: an ADDED submission has nothing to dispute.
  const added = await ee.env.services.submitCandidate(f.userB, {
    firstName: 'Lea',
    lastName: unique('Cruz'),
    phone: uniquePhone(),
    email: `${unique('lea')}@example.com`,
    campaignId: f.campaignId,
    channel: 'WEB',
  });
  if (added.outcome !== 'ADDED') throw new Error('expected ADDED');
  const addedRef = `S-${added.submissionId.slice(0, 8)}`;
  expect(await (await as(f.userB)).say(`dispute ${addedRef} Why not.`)).toEqual([
    `${addedRef} is not a duplicate, blocked or already-in-system submission, so there is nothing to dispute: only those outcomes can be disputed.`,
  ]);
});

test('the owner upholds: nothing changes, and the agency is told the decision and reason, nothing of the other agency', async () => {
  const owner = await as(f.ownerId);
  const agencyB = await as(f.userB);
  const p = person();
  const ref = await duplicateRef(p);
  await agencyB.say(`dispute ${ref} We were first.`);
  const dispute = disputeRefIn((await agencyB.press('Send dispute'))[0]);
  await notifyQueue.idle();
  const candidate = await ee.env.deps.db.candidate.findFirstOrThrow({ where: { phone: p.phone } });
  const sentBefore = ee.channel.sent.length;

  await owner.action('dispute-uphold', dispute.slice(2));
  expect(owner.last.map(render)).toEqual([
    `Uphold ${dispute}: the current holder keeps the candidate. Type the reason the disputing agency will read (or “cancel”).`,
  ]);
  const until = formatDate('en', ownershipOf(candidate, 6).until);
  expect(await owner.say('Agency A’s submission came two weeks earlier.')).toEqual([
    `⚖️ ${dispute} upheld: ${agencyAName} keeps C-${candidate.ref} Ana ${p.last} until ${until}. ${(await ee.env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyB } })).name} is told, with your reason.`,
  ]);
  expect(await ee.env.deps.db.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).toMatchObject({
    agencyId: f.agencyA,
    submittedAt: candidate.submittedAt,
  });

  await notifyQueue.idle();
  const [told] = deliveredTo(agencyB, sentBefore);
  expect(told).toBe(
    `⚖️ Your dispute ${dispute} of ${ref} Ana ${p.last} is upheld: another agency keeps this person until ${until}; you can submit them again after that day.\nReason: Agency A’s submission came two weeks earlier.`,
  );
  expect(told).not.toContain(agencyAName);
  expect(told).not.toContain(`C-${candidate.ref}`);
  const row = await ee.env.deps.db.dispute.findUniqueOrThrow({ where: { ref: Number(dispute.slice(2)) } });
  expect(row).toMatchObject({ status: 'UPHELD', decidedById: f.ownerId, openKey: null });
  expect(await ee.env.deps.db.auditLog.count({ where: { action: 'dispute.decided', targetId: row.id } })).toBe(1);

  // Decided once: a late press says so.
  expect(await owner.action('dispute-transfer', dispute.slice(2))).toEqual([
    expect.stringMatching(new RegExp(`^${dispute} is decided already: Upheld by .+ on `)),
  ]);
});

test('the recruiter transfers: the candidate becomes the disputing agency’s with a new window, and the duplicate check agrees', async () => {
  const recruiter = await as(f.recruiterId);
  const agencyB = await as(f.userB);
  const agencyA = await as(f.userA);
  const p = person();
  const ref = await duplicateRef(p);
  await agencyB.say(`dispute ${ref} The candidate signed our representation agreement first.`);
  const dispute = disputeRefIn((await agencyB.press('Send dispute'))[0]);
  await notifyQueue.idle();
  const sentBefore = ee.channel.sent.length;
  ee.env.clock.advance(86_400_000);
  const decidedAt = ee.env.clock.now();

  expect(await recruiter.say(`decide ${dispute} transfer The agreement predates Agency A's submission.`)).toEqual([
    expect.stringMatching(new RegExp(`^⚖️ ${dispute} transferred: C-\\d+ Ana ${p.last} is now .+’s, until `)),
  ]);
  const candidate = await ee.env.deps.db.candidate.findFirstOrThrow({ where: { phone: p.phone } });
  expect(candidate).toMatchObject({
    agencyId: f.agencyB,
    submittedById: f.userB,
    campaignId: f.campaignId,
    submittedAt: decidedAt,
  });
  const until = formatDate('en', ownershipOf({ agencyId: f.agencyB, submittedAt: decidedAt }, 6).until);

  await notifyQueue.idle();
  expect(deliveredTo(agencyB, sentBefore)).toEqual([
    `⚖️ Your dispute ${dispute} of ${ref} Ana ${p.last} is decided for you: C-${candidate.ref} is now your agency’s candidate, until ${until}.\nReason: The agreement predates Agency A's submission.`,
  ]);
  // The former holder hears it lost the candidate: not to whom, nor the reason written for them.
  expect(deliveredTo(agencyA, sentBefore)).toEqual([
    `⚖️ C-${candidate.ref} Ana ${p.last} is no longer your agency’s candidate: the employer decided a dispute (${dispute}) for another agency. Your submission stays in your list. If you have questions, quote ${dispute} to the employer.`,
  ]);

  // The new owner's next submission of the person is theirs already; the former owner's is a duplicate.
  const again = {
    firstName: 'Ana',
    lastName: p.last,
    phone: p.phone,
    email: p.email,
    campaignId: f.campaignId,
    channel: 'WEB' as const,
  };
  const mine = await ee.env.services.submitCandidate(f.userB, again);
  expect(mine).toMatchObject({ outcome: 'PREVIOUSLY_SUBMITTED', candidateRef: candidate.ref, ownership: { yours: true } });
  const theirs = await ee.env.services.submitCandidate(f.userA, again);
  expect(theirs).toMatchObject({ outcome: 'DUPLICATE', ownership: { yours: false } });
  expect(theirs.ownership?.until && formatDate('en', theirs.ownership.until)).toBe(until);
  // The new owner opens the profile; the former owner no longer can, and is told why (not to whom).
  expect((await agencyB.say(`candidate C-${candidate.ref}`))[0]).toContain(`# C-${candidate.ref} Ana ${p.last}`);
  expect(await agencyA.say(`candidate C-${candidate.ref}`)).toEqual([
    `C-${candidate.ref} is no longer your agency’s: the employer gave the person to another agency in dispute ${dispute}. Quote ${dispute} to the employer if you have questions.`,
  ]);
  // Anyone else still reads it as a candidate that does not exist.
  const third = await ee.env.deps.db.agency.create({ data: { name: unique('Agency C'), country: 'PH' }, select: { id: true } });
  const stranger = await as(await createUser(ee.env, 'AGENCY_USER', third.id, 'stranger'));
  expect(await stranger.say(`candidate C-${candidate.ref}`)).toEqual([
    `There is no candidate C-${candidate.ref}. Check the reference in your list.`,
  ]);
});

test('a block is disputed from its list row too', async () => {
  const owner = await as(f.ownerId);
  const blocking = await ee.env.deps.db.campaign.create({ data: { name: unique('Blocking') }, select: { id: true, name: true } });
  await owner.say(`rule campaign:"${blocking.name}" cross:block`);
  const p = person();
  const common = { firstName: 'Ana', lastName: p.last, phone: p.phone, email: p.email, channel: 'WEB' as const };
  await ee.env.services.submitCandidate(f.userA, { ...common, campaignId: blocking.id });
  const blocked = await ee.env.services.submitCandidate(f.userB, { ...common, campaignId: blocking.id });
  expect(blocked.outcome).toBe('BLOCKED');

  const agencyB = await as(f.userB);
  const [list] = await agencyB.say(`candidates outcome:blocked campaign:"${blocking.name}"`);
  expect(list).toContain('Blocked submission (no details kept)');
  const item = agencyB.last[0]?.body.type === 'list' ? agencyB.last[0].body.items[0] : undefined;
  expect(item?.actionId).toMatch(/^dispute:S-[0-9a-f]{8}$/);
  // Its button says what it does: not the list's Open.
  expect(item?.actionLabel).toBe('⚖️ Dispute');
  const [ask] = await agencyB.action(item?.actionId ?? '');
  expect(ask).toMatch(/^Why should S-[0-9a-f]{8} be your agency’s candidate\?/);
  const [confirm] = await agencyB.say('Ana asked us to represent her.');
  expect(confirm).toContain(`(⛔ Blocked by duplicate rules, ${blocking.name}):`);
  const dispute = disputeRefIn((await agencyB.press('Send dispute'))[0]);
  expect(await ee.env.deps.db.dispute.findUniqueOrThrow({ where: { ref: Number(dispute.slice(2)) } })).toMatchObject({
    outcome: 'BLOCKED',
    submissionId: null,
    campaignId: blocking.id,
  });
});

test('owners list disputes with status, campaign and agency filters, paged, and open one from the list', async () => {
  const owner = await as(f.ownerId);
  const agencyB = await as(f.userB);
  for (let i = 0; i < 6; i++) {
    await agencyB.say(`dispute ${await duplicateRef()} Reason ${i}.`);
    await agencyB.press('Send dispute');
  }
  const agencyBName = (await ee.env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyB } })).name;
  const [first] = await owner.say(`disputes campaign:"${campaign}" agency:"${agencyBName}"`);
  expect(first).toMatch(new RegExp(`^# Disputes — Open · ${campaign} · ${agencyBName}\n\\d+ disputes, newest first\n`));
  expect(first).toContain(`(Open · ⛔ Duplicate · ${agencyBName} vs ${agencyAName} · ${campaign} ·`);
  expect(first).toMatch(/page 1\/\d+\n\[Next ▶\]$/);
  const [second] = await owner.press('Next ▶');
  expect(second).toMatch(/page 2\/\d+/);

  const [all] = await owner.say(`disputes status:all campaign:"${campaign}"`);
  expect(all).toContain('# Disputes — every status');
  const [upheld] = await owner.say(`disputes status:upheld campaign:"${campaign}"`);
  expect(upheld).toContain('(Upheld · ⛔ Duplicate');
  expect(upheld).not.toContain('(Open ·');
  expect(await owner.say('disputes status:maybe')).toEqual([
    '“maybe” is not a dispute status. Use open, upheld, transferred or all (e.g. status:open).',
  ]);

  await owner.say(`disputes campaign:"${campaign}"`);
  const listed = owner.last[0]?.body;
  const firstItem = listed?.type === 'list' ? listed.items[0] : undefined;
  const [card] = await owner.action(firstItem?.actionId ?? '');
  expect(card).toMatch(/^# D-\d+ · C-\d+ Ana /);
  expect(card).toContain(`Disputing agency: ${agencyBName} (`);
  expect(card).toContain(`Held by: ${agencyAName}`);
  expect(card).toMatch(/\[Uphold\] \[Transfer\]$/);

  expect(await agencyB.say('disputes')).toEqual(['“disputes” is not available to you. Type “help” to see what you can do.']);
});

describe.each(['uphold', 'transfer'] as const)('the disputing agency, when the owner decides %s', (decision) => {
  test('reads nothing of the other agency: no name, user, campaign or date but the ownership end', async () => {
    // Agency A's side, all distinctive: its own user and campaign, a submission weeks ago.
    const holderUser = await ee.env.deps.db.user.create({
      data: {
        email: `${unique('holder')}@agency-a.test`,
        name: unique('Holder Person'),
        role: 'AGENCY_USER',
        agencyId: f.agencyA,
        status: 'ACTIVE',
        language: 'en',
      },
    });
    const holderCampaign = await ee.env.deps.db.campaign.create({
      data: { name: unique('Holder Campaign') },
      select: { id: true, name: true },
    });
    const p = person();
    const submittedAt = new Date(ee.env.clock.now().getTime() - 40 * 86_400_000);
    const now = ee.env.clock.now();
    ee.env.clock.set(submittedAt);
    await ee.env.services.submitCandidate(holderUser.id, {
      firstName: 'Ana',
      lastName: p.last,
      phone: p.phone,
      email: p.email,
      campaignId: holderCampaign.id,
      channel: 'WEB',
    });
    ee.env.clock.set(now);
    await ee.env.services.addComment(
      holderUser.id,
      (await ee.env.deps.db.candidate.findFirstOrThrow({ where: { phone: p.phone } })).ref,
      'Holder note.',
    );

    const agencyB = await as(f.userB);
    const owner = await as(f.ownerId);
    const seen: string[] = [];
    const from = ee.channel.sent.length;
    seen.push(await duplicateInChat(agencyB, p, false));
    seen.push(...(await agencyB.press('⚖️ Dispute')));
    seen.push(...(await agencyB.say('We were first.')));
    const [sent] = await agencyB.press('Send dispute');
    seen.push(sent ?? '');
    await notifyQueue.idle();
    await owner.say(`decide ${disputeRefIn(sent)} ${decision} Decided on the dates.`);
    await notifyQueue.idle();
    seen.push(...deliveredTo(agencyB, from));
    seen.push(...(await agencyB.say('candidates outcome:duplicate')));
    const ref = (await ee.env.deps.db.candidate.findFirstOrThrow({ where: { phone: p.phone } })).ref;
    seen.push(...(await agencyB.say(`candidate C-${ref}`)));

    const all = seen.join('\n---\n');
    expect(all).toContain(decision === 'transfer' ? 'is decided for you' : 'is upheld');
    const agencyA = await ee.env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyA } });
    for (const secret of [agencyA.name, holderUser.name ?? '', holderUser.email, holderCampaign.name, 'Holder note.']) {
      expect({ secret, leaked: all.includes(secret) }).toEqual({ secret, leaked: false });
    }
    // Agency A's submission date, in any form a reply prints dates.
    for (const date of [formatDate('en', submittedAt), submittedAt.toISOString().slice(0, 10)]) {
      expect({ date, leaked: all.includes(date) }).toEqual({ date, leaked: false });
    }
  });
});

describe('ALREADY_IN_SYSTEM: the employer’s own record held the person', () => {
  /** The ATS registers the person (a referral, under its own spelling); agency B then submits them in chat. */
  async function alreadyInSystemInChat(agencyB: Chat, p = person()): Promise<{ outcome: string; externalId: string }> {
    const externalId = unique('ats-ref');
    await ee.env.services.registerExternalCandidate(SYSTEM_ACTOR, {
      externalId,
      source: 'REFERRAL',
      firstName: 'Ana',
      lastName: 'Referida',
      phone: p.phone,
      email: p.email,
    });
    return { outcome: await duplicateInChat(agencyB, p, false), externalId };
  }

  const again = (p: ReturnType<typeof person>) => ({
    firstName: 'Ana',
    lastName: p.last,
    phone: p.phone,
    email: p.email,
    campaignId: f.campaignId,
    channel: 'WEB' as const,
  });

  test('disputed from the outcome, transferred by the owner: B is told, B’s resubmission is B’s, and the record stops counting', async () => {
    const owner = await as(f.ownerId);
    const recruiter = await as(f.recruiterId);
    const agencyB = await as(f.userB);
    const sentBefore = ee.channel.sent.length;
    const p = person();

    const { outcome, externalId } = await alreadyInSystemInChat(agencyB, p);
    expect(outcome).toBe(
      '🗂️ Already in System\nThe employer already has this person from another source. Your submission is recorded, but they do not become your candidate.\n[⚖️ Dispute]',
    );
    const [ask] = await agencyB.press('⚖️ Dispute');
    const ref = /^Why should (S-[0-9a-f]{8}) be your agency’s candidate\?/.exec(ask ?? '')?.[1] ?? '';
    expect(ref).not.toBe('');
    const [confirm] = await agencyB.say('Ana came to us through our job fair before she applied.');
    expect(confirm).toBe(
      `Your dispute of ${ref} Ana ${p.last} (🗂️ Already in System, ${campaign}):\nAna came to us through our job fair before she applied.\nEvidence: none\n\nThe employer already had this person from another source. Send the dispute? You can first send a file as evidence (PDF, Word, JPEG or PNG, up to 10 MB), or type another reason to replace this one.\n[Send dispute] [Cancel]`,
    );
    const dispute = disputeRefIn((await agencyB.press('Send dispute'))[0]);

    await notifyQueue.idle();
    for (const decider of [owner, recruiter]) {
      const notices = deliveredTo(decider, sentBefore).filter((m) => m.startsWith('⚖️'));
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain(
        `contests its 🗂️ Already in System outcome for ${ref} Ana ${p.last} (${campaign}), held by the employer’s own record.`,
      );
      expect(notices[0]).toMatch(/\[Uphold\] \[Transfer\]$/);
    }
    // Owners read the record the dispute is about (theirs), in the dispute's card.
    const [card] = await owner.action('dispute-show', dispute);
    expect(card).toContain(`# ${dispute} · ${ref} Ana ${p.last}`);
    expect(card).toContain(`Held by: the employer’s own record (referral, ATS id ${externalId})`);
    const row = await ee.env.deps.db.dispute.findUniqueOrThrow({ where: { ref: Number(dispute.slice(2)) } });
    expect(row).toMatchObject({ outcome: 'ALREADY_IN_SYSTEM', ownerAgencyId: null, candidateId: null, status: 'OPEN' });
    expect(row.externalCandidateId).not.toBeNull();

    const told = ee.channel.sent.length;
    ee.env.clock.advance(86_400_000);
    const decidedAt = ee.env.clock.now();
    await owner.action('dispute-transfer', dispute.slice(2));
    const [done] = await owner.say('The job fair sign-up predates the referral.');
    const candidate = await ee.env.deps.db.candidate.findFirstOrThrow({ where: { phone: p.phone } });
    const until = formatDate('en', ownershipOf({ agencyId: f.agencyB, submittedAt: decidedAt }, 6).until);
    expect(done).toMatch(
      new RegExp(
        `^⚖️ ${dispute} transferred: C-${candidate.ref} Ana ${p.last} is now .+’s, until ${until}\\. .+ is told, with your reason\\.$`,
      ),
    );
    expect(candidate).toMatchObject({ agencyId: f.agencyB, submittedById: f.userB, submittedAt: decidedAt, lastName: p.last });
    expect(
      await ee.env.deps.db.externalCandidate.findUniqueOrThrow({ where: { externalId }, select: { supersededAt: true } }),
    ).toEqual({ supersededAt: decidedAt });

    await notifyQueue.idle();
    expect(deliveredTo(agencyB, told)).toEqual([
      `⚖️ Your dispute ${dispute} of ${ref} Ana ${p.last} is decided for you: C-${candidate.ref} is now your agency’s candidate, until ${until}.\nReason: The job fair sign-up predates the referral.`,
    ]);
    // The disputed submission opens as B's candidate now; B's next submission is B's already, A's a duplicate.
    expect((await agencyB.say(`candidate C-${candidate.ref}`))[0]).toContain(`# C-${candidate.ref} Ana ${p.last}`);
    expect(await ee.env.services.submitCandidate(f.userB, again(p))).toMatchObject({
      outcome: 'PREVIOUSLY_SUBMITTED',
      candidateRef: candidate.ref,
      ownership: { yours: true },
    });
    expect(await ee.env.services.submitCandidate(f.userA, again(p))).toMatchObject({ outcome: 'DUPLICATE' });

    const audits = await ee.env.deps.db.auditLog.findMany({
      where: { targetId: row.id, action: { in: ['dispute.opened', 'dispute.decided'] } },
      select: { action: true, details: true },
      orderBy: { at: 'asc' },
    });
    expect(audits).toEqual([
      {
        action: 'dispute.opened',
        details: expect.objectContaining({ outcome: 'ALREADY_IN_SYSTEM', externalCandidateId: row.externalCandidateId }),
      },
      {
        action: 'dispute.decided',
        details: expect.objectContaining({
          decision: 'transfer',
          externalCandidateId: row.externalCandidateId,
          candidateId: candidate.id,
          toAgencyId: f.agencyB,
        }),
      },
    ]);
    // The dispute list filters by the outcome, and shows it against the record.
    const [listed] = await owner.say(`disputes status:transferred outcome:insystem campaign:"${campaign}"`);
    expect(listed).toMatch(new RegExp(`^# Disputes — Transferred · 🗂️ Already in System · ${campaign}\n`));
    expect(listed).toContain(`${dispute} · C-${candidate.ref} Ana ${p.last} (Transferred · 🗂️ Already in System · `);
    expect(listed).toContain(' vs the employer’s own record · ');
    expect(listed).not.toContain('⛔ Duplicate');
    expect(await owner.say('disputes outcome:added')).toEqual([
      '“added” is not an outcome. Use one of: duplicate, insystem, blocked (e.g. outcome:duplicate).',
    ]);
  });

  test('upheld: nothing changes, and B is told only that the employer already had the person', async () => {
    const owner = await as(f.ownerId);
    const agencyB = await as(f.userB);
    const p = person();
    const { externalId } = await alreadyInSystemInChat(agencyB, p);
    const ref = formatRef((await ee.env.deps.db.submission.findFirstOrThrow({ where: { phone: p.phone } })).id);
    await agencyB.say(`dispute ${ref} We were first.`);
    const dispute = disputeRefIn((await agencyB.press('Send dispute'))[0]);
    await notifyQueue.idle();
    const told = ee.channel.sent.length;

    expect(await owner.say(`decide ${dispute} uphold She applied to us directly last year.`)).toEqual([
      `⚖️ ${dispute} upheld: ${ref} Ana ${p.last} stays with the employer’s own record; no agency holds them. ${(await ee.env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyB } })).name} is told, with your reason.`,
    ]);
    await notifyQueue.idle();
    const [decided] = deliveredTo(agencyB, told);
    expect(decided).toBe(
      `⚖️ Your dispute ${dispute} of ${ref} Ana ${p.last} is upheld: the employer already had this person from another source, so they do not become your agency’s candidate.\nReason: She applied to us directly last year.`,
    );
    // (The exact text above is the whole of it: no date, source or name of the record.)
    expect(decided).not.toMatch(/Referida|REFERRAL|referral/);
    expect(await ee.env.deps.db.externalCandidate.findUniqueOrThrow({ where: { externalId } })).toMatchObject({
      supersededAt: null,
    });
    expect(await ee.env.deps.db.candidate.count({ where: { phone: p.phone } })).toBe(0);
    expect(await ee.env.services.submitCandidate(f.userB, again(p))).toMatchObject({ outcome: 'ALREADY_IN_SYSTEM' });
    expect(await ee.env.deps.db.dispute.findUniqueOrThrow({ where: { ref: Number(dispute.slice(2)) } })).toMatchObject({
      status: 'UPHELD',
      ownershipUntil: null,
      candidateId: null,
    });
  });

  test('two agencies dispute one record: the first transfer wins, the second can only be upheld', async () => {
    const p = person();
    const common = again(p);
    await ee.env.services.registerExternalCandidate(SYSTEM_ACTOR, {
      externalId: unique('ats-both'),
      source: 'DIRECT',
      firstName: 'Ana',
      lastName: p.last,
      phone: p.phone,
    });
    const byB = await ee.env.services.submitCandidate(f.userB, common);
    const byA = await ee.env.services.submitCandidate(f.userA, common);
    if (byB.outcome !== 'ALREADY_IN_SYSTEM' || byA.outcome !== 'ALREADY_IN_SYSTEM')
      throw new Error('expected ALREADY_IN_SYSTEM twice');
    const fromB = await ee.env.services.openDispute(f.userB, { submissionRef: formatRef(byB.submissionId), reason: 'Ours.' });
    const fromA = await ee.env.services.openDispute(f.userA, { submissionRef: formatRef(byA.submissionId), reason: 'Ours too.' });
    await ee.env.services.decideDispute(f.ownerId, { dispute: fromB.disputeId, decision: 'transfer', reason: 'B first.' });
    await expect(
      ee.env.services.decideDispute(f.ownerId, { dispute: fromA.disputeId, decision: 'transfer', reason: 'A too?' }),
    ).rejects.toThrow(`D-${fromA.ref} cannot be transferred: another dispute already gave this person to an agency.`);
    // Rolled back whole: still open, and upheld next.
    expect(await ee.env.deps.db.dispute.findUniqueOrThrow({ where: { id: fromA.disputeId } })).toMatchObject({ status: 'OPEN' });
    await ee.env.services.decideDispute(f.ownerId, { dispute: fromA.disputeId, decision: 'uphold', reason: 'B was first.' });
    // A third try from the record's other submission is refused at once, in the reader's language.
    const late = await ee.env.services.submitCandidate(f.userA, common);
    expect(late.outcome).toBe('DUPLICATE');
    await expect(
      ee.env.services.openDispute(f.userA, { submissionRef: formatRef(byA.submissionId), reason: 'Again.' }),
    ).rejects.toThrow('a dispute gave them to an agency');
  });

  test('no second holder: once an agency holds the person (the record aged out), the dispute can only be upheld', async () => {
    const p = person();
    const externalId = unique('ats-old');
    await ee.env.services.registerExternalCandidate(SYSTEM_ACTOR, {
      externalId,
      source: 'DIRECT',
      firstName: 'Ana',
      lastName: p.last,
      email: p.email,
    });
    const byB = await ee.env.services.submitCandidate(f.userB, again(p));
    if (byB.outcome !== 'ALREADY_IN_SYSTEM') throw new Error(`expected ALREADY_IN_SYSTEM, got ${byB.outcome}`);
    const opened = await ee.env.services.openDispute(f.userB, { submissionRef: formatRef(byB.submissionId), reason: 'Ours.' });
    // Left open past the record's window: agency A's submission is then new, and A holds the person.
    await ee.env.deps.db.externalCandidate.update({
      where: { externalId },
      data: { registeredAt: new Date(ee.env.clock.now().getTime() - 400 * 86_400_000) },
    });
    expect(await ee.env.services.submitCandidate(f.userA, again(p))).toMatchObject({ outcome: 'ADDED' });
    await expect(
      ee.env.services.decideDispute(f.ownerId, { dispute: opened.disputeId, decision: 'transfer', reason: 'B first.' }),
    ).rejects.toThrow(`D-${opened.ref} cannot be transferred: an agency holds this person now`);
    expect(await ee.env.deps.db.externalCandidate.findUniqueOrThrow({ where: { externalId } })).toMatchObject({
      supersededAt: null,
    });
    expect(await ee.env.deps.db.candidate.count({ where: { email: p.email } })).toBe(1);
  });

  /** A campaign whose rule blocks direct applicants, and a person the ATS registered under its own spelling. */
  async function blockedByRecord(owner: Chat, record: { email: boolean } = { email: true }) {
    const blocking = await ee.env.deps.db.campaign.create({
      data: { name: unique('Direct block') },
      select: { id: true, name: true },
    });
    await owner.say(`rule campaign:"${blocking.name}" direct:block`);
    const p = person();
    const externalId = unique('ats-block');
    await ee.env.services.registerExternalCandidate(SYSTEM_ACTOR, {
      externalId,
      source: 'DIRECT',
      firstName: 'Ana',
      lastName: 'Registrada',
      phone: p.phone,
      ...(record.email ? { email: p.email } : {}),
    });
    return { blocking, p, externalId };
  }

  test('blocked by the employer’s record: disputed from the outcome, transferred: B’s candidate is the record’s person, B’s resubmission is B’s', async () => {
    const owner = await as(f.ownerId);
    const agencyB = await as(f.userB);
    const { blocking, p, externalId } = await blockedByRecord(owner);
    const sentBefore = ee.channel.sent.length;

    await agencyB.say('submit');
    await agencyB.say(`Ana ${p.last} ${p.phone} ${p.email}`);
    await agencyB.press(blocking.name);
    await agencyB.press('Skip');
    const [outcome] = await agencyB.press('Confirm');
    expect(outcome).toBe(
      '⛔ Blocked by duplicate rules\nThe employer already has this person from another source, and this campaign does not accept them from an agency, so nothing was created. If your agency should have them, press Dispute and say why.\n[⚖️ Dispute]',
    );
    // The block kept the record's id and the channel, nothing B typed.
    const attempt = await ee.env.deps.db.auditLog.findFirstOrThrow({
      where: { action: 'submission.blocked', actorId: f.userB, targetId: blocking.id },
      select: { id: true, details: true },
    });
    const record = await ee.env.deps.db.externalCandidate.findUniqueOrThrow({ where: { externalId } });
    expect(attempt.details).toEqual({ reason: 'already_in_system', externalCandidateId: record.id, channel: 'WEB' });

    const [ask] = await agencyB.press('⚖️ Dispute');
    const ref = formatRef(attempt.id);
    expect(ask).toMatch(new RegExp(`^Why should ${ref} be your agency’s candidate\\?`));
    const [confirm] = await agencyB.say('Ana came to us through our job fair.');
    expect(confirm).toBe(
      `Your dispute of ${ref} (⛔ Blocked by duplicate rules, ${blocking.name}):\nAna came to us through our job fair.\nEvidence: none\n\nThe employer already had this person from another source. Send the dispute? You can first send a file as evidence (PDF, Word, JPEG or PNG, up to 10 MB), or type another reason to replace this one.\n[Send dispute] [Cancel]`,
    );
    const dispute = disputeRefIn((await agencyB.press('Send dispute'))[0]);
    const row = await ee.env.deps.db.dispute.findUniqueOrThrow({ where: { ref: Number(dispute.slice(2)) } });
    expect(row).toMatchObject({
      outcome: 'BLOCKED',
      blockedAuditId: attempt.id,
      submissionId: null,
      externalCandidateId: record.id,
      ownerAgencyId: null,
      candidateId: null,
    });

    await notifyQueue.idle();
    const [notice] = deliveredTo(owner, sentBefore).filter((m) => m.startsWith('⚖️'));
    // The employer reads its own record's name: the block kept none of B's.
    expect(notice).toContain(
      `contests its ⛔ Blocked by duplicate rules outcome for ${ref} Ana Registrada (${blocking.name}), held by the employer’s own record.`,
    );

    const told = ee.channel.sent.length;
    ee.env.clock.advance(86_400_000);
    const decidedAt = ee.env.clock.now();
    expect(await owner.say(`decide ${dispute} transfer The job fair sign-up came first.`)).toHaveLength(1);
    const candidate = await ee.env.deps.db.candidate.findFirstOrThrow({ where: { phone: p.phone } });
    expect(candidate).toMatchObject({
      firstName: 'Ana',
      lastName: 'Registrada',
      email: p.email,
      channel: 'WEB',
      agencyId: f.agencyB,
      submittedById: f.userB,
      campaignId: blocking.id,
      submittedAt: decidedAt,
      resumeFileId: null,
    });
    expect(await ee.env.deps.db.externalCandidate.findUniqueOrThrow({ where: { externalId } })).toMatchObject({
      supersededAt: decidedAt,
    });
    const until = formatDate('en', ownershipOf({ agencyId: f.agencyB, submittedAt: decidedAt }, 6).until);
    await notifyQueue.idle();
    const toB = deliveredTo(agencyB, told);
    expect(toB).toEqual([
      `⚖️ Your dispute ${dispute} of ${ref} is decided for you: C-${candidate.ref} is now your agency’s candidate, until ${until}.\nReason: The job fair sign-up came first.`,
    ]);
    expect(toB.join('\n')).not.toMatch(new RegExp(`Registrada|DIRECT|${externalId}`));

    // B's next submission to the blocking campaign is B's own; A's is a duplicate of B's.
    const again = {
      firstName: 'Ana',
      lastName: p.last,
      phone: p.phone,
      email: p.email,
      campaignId: blocking.id,
      channel: 'WEB' as const,
    };
    expect(await ee.env.services.submitCandidate(f.userB, again)).toMatchObject({
      outcome: 'PREVIOUSLY_SUBMITTED',
      candidateRef: candidate.ref,
      ownership: { yours: true },
    });
    expect(await ee.env.services.submitCandidate(f.userA, again)).toMatchObject({ outcome: 'DUPLICATE' });
    expect(
      await ee.env.deps.db.auditLog.findFirstOrThrow({
        where: { targetId: row.id, action: 'dispute.decided' },
        select: { details: true },
      }),
    ).toMatchObject({
      details: { decision: 'transfer', externalCandidateId: record.id, candidateId: candidate.id, toAgencyId: f.agencyB },
    });
  });

  test('blocked by the employer’s record, typed dispute upheld: nothing changes, B is told only that the employer had the person', async () => {
    const owner = await as(f.ownerId);
    const agencyB = await as(f.userB);
    const { blocking, p, externalId } = await blockedByRecord(owner);
    const common = {
      firstName: 'Ana',
      lastName: p.last,
      phone: p.phone,
      email: p.email,
      campaignId: blocking.id,
      channel: 'WEB' as const,
    };
    const blocked = await ee.env.services.submitCandidate(f.userB, common);
    if (blocked.outcome !== 'BLOCKED') throw new Error(`expected BLOCKED, got ${blocked.outcome}`);
    const ref = formatRef(blocked.attemptId);
    // Its list row carries the Dispute action too.
    const [list] = await agencyB.say(`candidates outcome:blocked campaign:"${blocking.name}"`);
    expect(list).toContain('the employer already has this person');
    const item = agencyB.last[0]?.body.type === 'list' ? agencyB.last[0].body.items[0] : undefined;
    expect(item?.actionId).toBe(`dispute:${ref}`);
    expect(item?.actionLabel).toBe('⚖️ Dispute');
    await agencyB.say(`dispute ${ref} We were first.`);
    const dispute = disputeRefIn((await agencyB.press('Send dispute'))[0]);
    await notifyQueue.idle();
    const told = ee.channel.sent.length;

    expect(await owner.say(`decide ${dispute} uphold She applied to us directly.`)).toEqual([
      `⚖️ ${dispute} upheld: ${ref} Ana Registrada stays with the employer’s own record; no agency holds them. ${(await ee.env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyB } })).name} is told, with your reason.`,
    ]);
    await notifyQueue.idle();
    expect(deliveredTo(agencyB, told)).toEqual([
      `⚖️ Your dispute ${dispute} of ${ref} is upheld: the employer already had this person from another source, so they do not become your agency’s candidate.\nReason: She applied to us directly.`,
    ]);
    expect(await ee.env.deps.db.externalCandidate.findUniqueOrThrow({ where: { externalId } })).toMatchObject({
      supersededAt: null,
    });
    expect(await ee.env.deps.db.candidate.count({ where: { phone: p.phone } })).toBe(0);
    expect(await ee.env.services.submitCandidate(f.userB, common)).toMatchObject({
      outcome: 'BLOCKED',
      reason: 'already_in_system',
    });
  });

  test('a record without an email cannot be transferred: the decider is told why and what settles it, in their language', async () => {
    const owner = await as(f.ownerId);
    const { blocking, p, externalId } = await blockedByRecord(owner, { email: false });
    const blocked = await ee.env.services.submitCandidate(f.userB, {
      firstName: 'Ana',
      lastName: p.last,
      phone: p.phone,
      email: p.email,
      campaignId: blocking.id,
      channel: 'WEB',
    });
    if (blocked.outcome !== 'BLOCKED') throw new Error(`expected BLOCKED, got ${blocked.outcome}`);
    const opened = await ee.env.services.openDispute(f.userB, { submissionRef: formatRef(blocked.attemptId), reason: 'Ours.' });
    await owner.say('language es');
    expect(await owner.say(`decide D-${opened.ref} transfer Es de B.`)).toEqual([
      `D-${opened.ref} no se puede transferir: el registro del empleador de esta persona (${externalId}) no tiene correo, y un candidato de agencia necesita teléfono y correo. Mantenla con tu motivo; si la agencia debería tener a la persona, haz que la regla de la campaña la marque (rule campaign:"Nombre" direct:flag): su próximo envío se registra entonces con sus datos y se puede disputar y transferir.`,
    ]);
    await owner.say('idioma en');
    // Nothing moved: still open, the record still counts, and an uphold settles it.
    expect(await ee.env.deps.db.dispute.findUniqueOrThrow({ where: { id: opened.disputeId } })).toMatchObject({ status: 'OPEN' });
    expect(await ee.env.deps.db.externalCandidate.findUniqueOrThrow({ where: { externalId } })).toMatchObject({
      supersededAt: null,
    });
    await ee.env.services.decideDispute(f.ownerId, { dispute: opened.disputeId, decision: 'uphold', reason: 'No email.' });
  });
});

const formatRef = (id: string) => `S-${id.slice(0, 8)}`;
