import { chat, linkIdentity, openEngineEnv, type EngineEnv } from '../../support/engine';
import { createUser, seedFixture, unique, uniquePhone, type Fixture } from '../../support/services';

jest.setTimeout(30_000);

/**
 * Journey 2: a recruiter finds the candidates of the campaigns they recruit for, narrows the list
 * the way agencies do, and opens, comments on and moves a candidate from it.
 */
let ee: EngineEnv;
let f: Fixture;
let ours: string;
let theirs: string;
let agencyB: string;
let tag: string;
const refs: Record<string, number> = {};

beforeAll(async () => {
  ee = await openEngineEnv();
  f = await seedFixture(ee.env);
  ours = (await ee.env.deps.db.campaign.findUniqueOrThrow({ where: { id: f.campaignId } })).name;
  const other = await ee.env.deps.db.campaign.create({
    data: { name: unique('Other campaign') },
    select: { id: true, name: true },
  });
  theirs = other.name;
  agencyB = (await ee.env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyB } })).name;
  // A word no other suite's candidates carry, so searches here find only these.
  tag = unique('Rx').replace(/[^A-Za-z]/g, '');
  const submit = async (userId: string, firstName: string, campaignId: string, phone = uniquePhone()) => {
    ee.env.clock.advance(1000);
    const r = await ee.env.services.submitCandidate(userId, {
      firstName,
      lastName: tag,
      phone,
      email: `${unique('r')}@example.com`,
      campaignId,
      channel: 'WEB',
    });
    if (r.outcome === 'ADDED') refs[firstName] = r.candidateRef;
    return r;
  };
  for (const name of ['Ana', 'Ben', 'Cruz', 'Dina', 'Eli', 'Fay']) await submit(f.userA, name, f.campaignId);
  const shared = uniquePhone();
  await submit(f.userB, 'Gil', f.campaignId, shared);
  await submit(f.userA, 'Gilbert', f.campaignId, shared); // agency A's duplicate of agency B's Gil
  await submit(f.userA, 'Hidden', other.id); // a campaign the recruiter does not recruit for
});
afterAll(() => ee.close());

const as = async (userId: string) => chat(ee, await linkIdentity(ee.env, userId));

test('a recruiter’s `candidates` lists the candidates of their campaigns, with metrics and paging', async () => {
  const r = await as(f.recruiterId);
  const [page1] = await r.say('candidates');
  expect(page1).toMatch(/^# Candidates of my campaigns\n/);
  expect(page1).toContain('Added 7 · Previously Submitted 0 · Duplicate 1');
  expect(page1).toContain('8 submissions listed');
  expect(page1).toContain('page 1/2');
  expect(page1).not.toContain('Hidden');
  expect(page1).not.toContain('My Candidates');
  expect(page1).not.toContain('submit');
  const [page2] = await r.press('Next ▶');
  expect(page2).toContain(`C-${refs.Ana} Ana ${tag}`);
  expect(page2).toContain('page 2/2');
});

test('a recruiter searches and filters by outcome, stage, campaign and agency', async () => {
  const r = await as(f.recruiterId);
  const [search] = await r.say(`search cruz ${tag}`);
  expect(search).toContain(`C-${refs.Cruz} Cruz ${tag}`);
  expect(search).toContain('1 submission matches');

  // The recruiter sees which candidate a duplicate is, and may open it.
  const [dups] = await r.say(`candidates ${tag} outcome:duplicate`);
  expect(dups).toContain(`C-${refs.Gil} Gilbert ${tag} (⛔ Duplicate · same candidate, first added`);
  expect(r.last[0]?.body).toMatchObject({ type: 'list', items: [expect.objectContaining({ actionId: `open:C-${refs.Gil}` })] });

  const [byAgency] = await r.say(`candidates ${tag} agency:"${agencyB}"`);
  expect(byAgency).toContain(`# Candidates of my campaigns — ${agencyB}`);
  expect(byAgency).toContain(`Gil ${tag}`);
  expect(byAgency).not.toContain('Ana');

  const [byCampaign] = await r.say(`candidates ${tag} campaign:"${ours}" stage:new`);
  expect(byCampaign).toContain(`# Candidates of my campaigns — ${ours} — “${tag}” · New`);
  expect(await r.say(`candidates campaign:"${theirs}"`)).toEqual([
    expect.stringContaining('You do not recruit for that campaign. Type “candidates” for the campaigns you do.'),
  ]);
});

test('a recruiter opens a candidate from the list, comments on it and moves it', async () => {
  const r = await as(f.recruiterId);
  await r.say(`candidates dina ${tag}`);
  const open = r.last[0]?.body.type === 'list' ? r.last[0].body.items[0]?.actionId : undefined;
  expect(open).toBe(`open:C-${refs.Dina}`);
  const [card] = await r.action(open as string);
  expect(card).toContain(`# C-${refs.Dina} Dina ${tag}`);
  expect(card).toContain('[Comment] [Change stage]');
  await r.press('Comment');
  expect(await r.say('Strong English; schedule a call.')).toEqual([`💬 Comment added to C-${refs.Dina}.`]);
  await r.action(open as string);
  await r.press('Change stage');
  expect(await r.press('Interview')).toEqual([`C-${refs.Dina} moved from New to Interview.`]);
  const [moved] = await r.say(`candidates ${tag} stage:interview`);
  expect(moved).toContain(`C-${refs.Dina} Dina ${tag} (✅ New Candidate · Interview`);
});

test('owners see every campaign; a recruiter without campaigns is told why the list is empty', async () => {
  const owner = await as(f.ownerId);
  const [all] = await owner.say(`candidates ${tag}`);
  expect(all).toContain('# Candidates of all campaigns');
  expect(all).toContain('9 submissions match');
  const [hidden] = await owner.say(`candidates campaign:"${theirs}"`);
  expect(hidden).toContain(`Hidden ${tag}`);

  const newcomer = await as(await createUser(ee.env, 'RECRUITER', null));
  const [empty] = await newcomer.say('candidates');
  expect(empty).toContain('You recruit for no campaign yet, so there are no candidates to show. Ask an owner to assign you');
  expect(empty).not.toContain('submit');
});

test('a recruiter’s app home shows their campaigns’ metrics and offers no submit button', async () => {
  const r = await as(f.recruiterId);
  const [home] = await r.send({ type: 'home' });
  expect(home).toContain('Candidates of your campaigns,');
  expect(home).not.toContain('Submit a candidate');
  expect(home).toContain('✅ Added: 7');
});

test('recruiters and owners are told what they can do, not to submit', async () => {
  for (const userId of [f.recruiterId, f.ownerId]) {
    const c = await as(userId);
    const [help] = await c.say('help');
    expect(help).not.toContain('what you submitted');
    expect(help).not.toMatch(/e\.g\. “submit”/);
    expect(help).toContain('e.g. “candidates”');
    expect(await c.say('hello there')).toEqual([
      'I did not catch that. Type “help” to see what you can do, or “candidates” to see the candidates.',
    ]);
  }
  const [recruiterHelp] = await (await as(f.recruiterId)).say('help');
  expect(recruiterHelp).toContain('• candidates [search]');
  expect(recruiterHelp).toContain('the candidates of the campaigns you recruit for');
});
