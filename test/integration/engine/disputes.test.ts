import { createQueue, type JobQueue } from '../../../src/jobs';
import { createLogger } from '../../../src/logger';
import { createChannelRegistry, createNotifier, createRateLimiter, withNotifications } from '../../../src/notify';
import { createServices } from '../../../src/services';
import { formatDate } from '../../../src/i18n/format';
import { ownershipOf } from '../../../src/domain/duplicates';
import { chat, fakeChannel, linkIdentity, openEngineEnv, render, type Chat, type EngineEnv } from '../../support/engine';
import { createRecordingMailer } from '../../support/recording-channel';
import { dropDisputeNotifications, openTestEnv, seedFixture, unique, uniquePhone, type Fixture } from '../../support/services';

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
    `There is no submission ${ref} of your agency. Type “candidates outcome:duplicate” or “candidates outcome:blocked” to see the ones you can dispute.`,
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
    `${addedRef} is not a duplicate or a blocked submission, so there is nothing to dispute: only those outcomes can be disputed.`,
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
  // The new owner opens the profile; the former owner no longer can.
  expect((await agencyB.say(`candidate C-${candidate.ref}`))[0]).toContain(`# C-${candidate.ref} Ana ${p.last}`);
  expect(await (await as(f.userA)).say(`candidate C-${candidate.ref}`)).toEqual([
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
