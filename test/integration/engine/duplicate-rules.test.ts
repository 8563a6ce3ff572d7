import { chat, linkIdentity, openEngineEnv, type EngineEnv } from '../../support/engine';
import { seedFixture, unique, uniquePhone, type Fixture } from '../../support/services';

jest.setTimeout(30_000);

/** Journey 7: owners read and set the duplicate rules in chat, and see what they blocked. */
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

/** The wizard in chat, the details pasted on one line; returns the outcome message. */
async function submitInChat(userId: string, phone: string) {
  const c = await as(userId);
  await c.say('submit');
  await c.say(`Jane Dela Cruz ${phone} ${unique('j')}@example.com`);
  await c.press(campaign);
  await c.press('Skip');
  return (await c.press('Confirm'))[0];
}

test('an owner blocks cross-agency duplicates of a campaign in chat, and a submission is blocked', async () => {
  const owner = await as(f.ownerId);
  expect(await owner.say(`rule campaign:"${campaign}" cross:block`)).toEqual([
    `Saved. ${campaign} now follows its own rule: 6 months · match on phone or email · another agency’s match: block · own agency’s match: record and flag · someone the employer already has: record and flag · end of a hold: told to other agencies.`,
  ]);
  const [rules] = await owner.say('rules');
  expect(rules).toContain('# Duplicate rules');
  expect(rules).toMatch(/- Default \(every campaign without its own rule\) \(\d+ months · match on/);
  expect(rules).toContain(`- ${campaign} (6 months · match on phone or email · another agency’s match: block ·`);

  const phone = uniquePhone();
  expect(await submitInChat(f.userA, phone)).toMatch(/^✅ New Candidate\n/);
  expect(await submitInChat(f.userB, phone)).toMatch(
    /^⛔ Blocked by duplicate rules\nThis campaign does not accept a person another agency submitted recently, so nothing was created\.\n/,
  );
});

test('the dashboards list blocked submissions under outcome:blocked, without the person’s details', async () => {
  await (await as(f.ownerId)).say(`rule campaign:"${campaign}" same:block cross:flag`);
  const phone = uniquePhone();
  await submitInChat(f.userA2, phone);
  expect(await submitInChat(f.userA2, phone)).toMatch(
    /^⛔ Blocked by duplicate rules\nThis campaign does not accept a person your agency/,
  );

  const [mine] = await (await as(f.userA2)).say('candidates outcome:blocked');
  expect(mine).toContain('# My Candidates — ⛔ Blocked by duplicate rules');
  expect(mine).toContain(
    `- Blocked submission (no details kept) (⛔ Blocked by duplicate rules · your agency submitted this person recently · ${campaign} ·`,
  );
  expect(mine).toContain('1 submission matches');
  expect(mine).not.toContain('Jane');

  const [pool] = await (await as(f.adminA)).say('pool outcome:blocked');
  expect(pool).toContain('Blocked submission (no details kept)');
  const [others] = await (await as(f.adminB)).say('pool outcome:blocked');
  // Agency B's pool holds its own blocked attempt (the first test's), not agency A's.
  expect(others).toContain('1 submission matches');
  expect(others).toContain('another agency submitted this person recently');
  expect(others).not.toContain('your agency submitted this person recently');
  const [owners] = await (await as(f.ownerId)).say(`candidates outcome:blocked campaign:"${campaign}"`);
  expect(owners).toContain('Blocked submission (no details kept)');
});

test('the default rule is set in chat too; what is not named keeps its value', async () => {
  const before = await ee.env.deps.db.duplicateRule.findUnique({ where: { scope: 'global' } });
  const owner = await as(f.ownerId);
  try {
    const [saved] = await owner.say('rule window:12 match:phone');
    expect(saved).toMatch(
      /^Saved\. Every campaign without its own rule now follows: 12 months · match on phone · another agency’s match: (record and flag|block) · own agency’s match: (record and flag|block) · someone the employer already has: (record and flag|block) · end of a hold: (not )?told to other agencies\.$/,
    );
    expect((await owner.say('rules'))[0]).toContain(
      '- Default (every campaign without its own rule) (12 months · match on phone ·',
    );
  } finally {
    // The run's other suites share the database: leave the default as it was.
    if (before) await ee.env.deps.db.duplicateRule.update({ where: { scope: 'global' }, data: before });
    else await ee.env.deps.db.duplicateRule.deleteMany({ where: { scope: 'global' } });
  }
});

test('a wrong value says what is accepted; only owners set rules', async () => {
  const owner = await as(f.ownerId);
  expect(await owner.say('rule cross:maybe')).toEqual([
    '“maybe” is not what a match can do. Use cross:flag (record and flag) or cross:block.',
  ]);
  expect(await owner.say('rule match:name')).toEqual([
    '“name” is not something to match on. Use phone, email or either (e.g. match:either).',
  ]);
  expect(await owner.say('rule campaign:"No such campaign" window:3')).toEqual([
    expect.stringContaining('There is no campaign “No such campaign” here.'),
  ]);
  expect(await owner.say('rule')).toEqual([expect.stringContaining('Say what to change, e.g. rule campaign:"Name"')]);
  expect(await (await as(f.adminA)).say('rules')).toEqual([
    '“rules” is not available to you. Type “help” to see what you can do.',
  ]);
  expect(await (await as(f.recruiterId)).say('rule cross:block')).toEqual([
    '“rule” is not available to you. Type “help” to see what you can do.',
  ]);
});
