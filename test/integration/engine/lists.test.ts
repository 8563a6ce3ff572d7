import { formatDate } from '../../../src/i18n/format';
import { chat, linkIdentity, openEngineEnv, type Chat, type EngineEnv } from '../../support/engine';
import { createUser, seedFixture, unique, uniquePhone, type Fixture } from '../../support/services';

jest.setTimeout(30_000);

/** The lists' rough edges: each rule on its own user, so the counts are this suite's alone. */
let ee: EngineEnv;
let f: Fixture;
let campaign: string;

beforeAll(async () => {
  ee = await openEngineEnv();
  f = await seedFixture(ee.env);
  campaign = (await ee.env.deps.db.campaign.findUniqueOrThrow({ where: { id: f.campaignId } })).name;
});
afterAll(() => ee.close());

const as = async (userId: string) => chat(ee, await linkIdentity(ee.env, userId));
const DAY_MS = 86_400_000;

async function submit(userId: string, firstName: string, options: { phone?: string; campaignId?: string } = {}) {
  ee.env.clock.advance(1000);
  return ee.env.services.submitCandidate(userId, {
    firstName,
    lastName: 'Lister',
    phone: options.phone ?? uniquePhone(),
    email: `${unique('l')}@example.com`,
    campaignId: options.campaignId ?? f.campaignId,
    channel: 'WEB',
  });
}

const refOf = (r: Awaited<ReturnType<typeof submit>>) => (r.outcome === 'ADDED' ? r.candidateRef : 0);
const itemsOf = (c: Chat) => {
  const body = c.last[0]?.body;
  return body?.type === 'list' ? body.items : [];
};

test('stage:foo and period:foo list the words that work', async () => {
  const c = await as(await createUser(ee.env, 'AGENCY_USER', f.agencyA));
  expect(await c.say('candidates stage:foo')).toEqual([
    '“foo” is not a stage. The stages are: new, screening, interview, offer, hired, rejected, withdrawn (e.g. stage:screening).',
  ]);
  expect(await c.say('candidates period:forever')).toEqual([
    '“forever” is not a period. Give the number of days back from today, 1 to 365 (e.g. period:90).',
  ]);
});

test('search matches a candidate reference and a campaign name', async () => {
  const user = await createUser(ee.env, 'AGENCY_USER', f.agencyA);
  const elsewhere = await ee.env.deps.db.campaign.create({
    data: { name: unique('Night shift') },
    select: { id: true, name: true },
  });
  const first = refOf(await submit(user, 'Ramon'));
  await submit(user, 'Sofia', { campaignId: elsewhere.id });
  const c = await as(user);
  const [byRef] = await c.say(`candidates C-${first}`);
  expect(byRef).toContain(`- C-${first} Ramon Lister`);
  expect(byRef).toContain('1 submission matches');
  const [byCampaign] = await c.say(`candidates ${elsewhere.name.slice(0, 14)}`);
  expect(byCampaign).toContain('Sofia Lister');
  expect(byCampaign).not.toContain('Ramon');
});

test('a DUPLICATE row carries a reference, and an Open action only where the viewer may open it (else Dispute)', async () => {
  const user = await createUser(ee.env, 'AGENCY_USER', f.agencyA);
  const phone = uniquePhone();
  const theirs = refOf(await submit(f.userB, 'Teodoro', { phone }));
  const dup = await submit(user, 'Teo', { phone });
  expect(dup.outcome).toBe('DUPLICATE');
  const c = await as(user);
  const [row] = await c.say('candidates outcome:duplicate');
  const submissionRef = `S-${dup.outcome === 'DUPLICATE' ? dup.submissionId.slice(0, 8) : ''}`;
  expect(row).toMatch(
    new RegExp(
      `- ${submissionRef} Teo Lister \\(⛔ Duplicate · another agency holds them until \\w+ \\d+, \\d{4} · ${campaign} ·`,
    ),
  );
  expect(row).not.toContain(`C-${theirs}`);
  // Nothing to open: the row's action disputes the outcome (issue 19), and its button says so.
  expect(itemsOf(c)).toEqual([expect.objectContaining({ actionId: `dispute:${submissionRef}`, actionLabel: '⚖️ Dispute' })]);

  // The agency quotes the reference; the employer's side finds the row by it and may open the
  // candidate the duplicate matched.
  for (const employer of [f.recruiterId, f.ownerId]) {
    const e = await as(employer);
    const [found] = await e.say(`candidates ${submissionRef}`);
    expect(found).toContain('1 submission matches');
    expect(itemsOf(e)).toEqual([expect.objectContaining({ title: `C-${theirs} Teo Lister`, actionId: `open:C-${theirs}` })]);
  }
});

test('a resubmission says it is the same candidate; a colleague’s candidate is named but not opened', async () => {
  const user = await createUser(ee.env, 'AGENCY_USER', f.agencyA);
  const colleague = await createUser(ee.env, 'AGENCY_USER', f.agencyA);
  const phone = uniquePhone();
  const original = refOf(await submit(colleague, 'Ursula', { phone }));
  const again = await submit(user, 'Ursula', { phone });
  expect(again.outcome).toBe('PREVIOUSLY_SUBMITTED');
  const c = await as(user);
  const [mine] = await c.say('candidates');
  const today = formatDate('en', ee.env.clock.now());
  expect(mine).toContain(`- C-${original} Ursula Lister (⚠️ Previously Submitted · same candidate, first added ${today} · New ·`);
  expect(itemsOf(c)).toEqual([expect.not.objectContaining({ actionId: expect.anything() })]);

  const admin = await as(f.adminA);
  await admin.say(`pool C-${original}`);
  expect(itemsOf(admin)).toEqual([
    { title: `C-${original} Ursula Lister`, subtitle: expect.stringContaining('same candidate'), actionId: `open:C-${original}` },
    {
      title: `C-${original} Ursula Lister`,
      subtitle: expect.stringMatching(/^✅ New Candidate · New ·/),
      actionId: `open:C-${original}`,
    },
  ]);
});

test('the metrics state their period, which can be chosen, and count only what it holds', async () => {
  const user = await createUser(ee.env, 'AGENCY_USER', f.agencyA);
  await submit(user, 'Old');
  ee.env.clock.advance(10 * DAY_MS);
  await submit(user, 'Recent');
  const now = ee.env.clock.now();
  const day = (d: Date) => formatDate('en', d);
  const c = await as(user);

  const [week] = await c.say('candidates period:7');
  expect(week).toContain(
    `Submitted in the last 7 days (${day(new Date(now.getTime() - 7 * DAY_MS))} – ${day(now)}): Added 1 · Previously Submitted 0 · Duplicate 0`,
  );
  expect(week).toContain('2 submissions listed (any date, newest first)');
  const [month] = await c.say('candidates');
  expect(month).toContain('Submitted in the last 30 days');
  expect(month).toContain('Added 2 ·');
  // With a search the metrics still count the whole list, and say so.
  expect(await c.say('candidates Recent period:7')).toEqual([
    expect.stringContaining(
      'whole list before the filters: Added 1 · Previously Submitted 0 · Duplicate 0\n1 submission matches',
    ),
  ]);
});

test('people read labels, not enum names, and counts in the right number', async () => {
  const user = await createUser(ee.env, 'AGENCY_USER', f.agencyA);
  const ref = refOf(await submit(user, 'Vera'));
  await ee.env.services.changeStage(f.recruiterId, ref, 'SCREENING');
  const c = await as(user);
  const [list] = await c.say('candidates');
  expect(list).toContain(`- C-${ref} Vera Lister (✅ New Candidate · Screening · ${campaign} ·`);
  expect(list).toContain('1 submission listed');
  expect(list).not.toMatch(/\b(SCREENING|ADDED|AGENCY_USER)\b/);
  const [card] = await c.say(`candidate C-${ref}`);
  expect(card).toContain('Stage: Screening');
  expect(card).toContain('Source: Agency Portal (web chat)');
});
