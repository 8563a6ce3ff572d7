import { SYSTEM_ACTOR } from '../../../src/services';
import { chat, linkIdentity, openEngineEnv, type EngineEnv } from '../../support/engine';
import { seedFixture, unique, uniquePhone, type Fixture } from '../../support/services';

jest.setTimeout(30_000);

/**
 * Issue 19, "whichever came first": an agency submits in chat someone the employer's ATS already
 * registered from another source. The rule says whether that is recorded (ALREADY_IN_SYSTEM) or
 * refused; either way the agency learns nothing but that (no source, no date, no name).
 */
let ee: EngineEnv;
let f: Fixture;
let campaign: string;

beforeAll(async () => {
  ee = await openEngineEnv();
  f = await seedFixture(ee.env);
  // A campaign of its own: its rule changes here, and no other suite's rule changes it.
  const created = await ee.env.deps.db.campaign.create({ data: { name: unique('Direct hires') }, select: { name: true } });
  campaign = created.name;
});
afterAll(() => ee.close());

const as = async (userId: string) => chat(ee, await linkIdentity(ee.env, userId));

/** The ATS registered a referral on 2026-01-15 under its own name for the person. */
async function registeredByAts(phone: string) {
  await ee.env.services.registerExternalCandidate(SYSTEM_ACTOR, {
    externalId: unique('ats'),
    source: 'REFERRAL',
    firstName: 'Ana',
    lastName: 'Referida',
    phone,
  });
}

/** The wizard in chat, the details pasted on one line; returns the outcome message. */
async function submitInChat(userId: string, phone: string) {
  const c = await as(userId);
  await c.say('submit');
  await c.say(`Jane Dela Cruz ${phone} ${unique('j')}@example.com`);
  await c.press(campaign);
  await c.press('Skip');
  return c.press('Confirm');
}

test('under the default rule the submission is recorded as Already in System, and nothing else is told', async () => {
  const phone = uniquePhone();
  await registeredByAts(phone);

  expect(await submitInChat(f.userA, phone)).toEqual([
    // The Dispute button follows: the agency may contest it (disputes.test.ts).
    '🗂️ Already in System\nThe employer already has this person from another source. Your submission is recorded, but they do not become your candidate.\n[⚖️ Dispute]',
  ]);

  const [mine] = await (await as(f.userA)).say('candidates outcome:insystem');
  expect(mine).toContain('# My Candidates — 🗂️ Already in System');
  expect(mine).toMatch(/- S-[0-9a-f]{8} Jane Dela Cruz \(🗂️ Already in System · /);
  expect(mine).not.toMatch(/Ana|Referid|referral|holds/i);
});

test('an owner makes the campaign refuse direct applicants in chat, and the submission is blocked', async () => {
  const owner = await as(f.ownerId);
  expect(await owner.say(`rule campaign:"${campaign}" direct:block`)).toEqual([
    `Saved. ${campaign} now follows its own rule: 6 months · match on phone or email · another agency’s match: record and flag · own agency’s match: record and flag · someone the employer already has: block · end of a hold: told to other agencies.`,
  ]);
  const phone = uniquePhone();
  await registeredByAts(phone);

  expect(await submitInChat(f.userB, phone)).toEqual([
    '⛔ Blocked by duplicate rules\nThe employer already has this person from another source, and this campaign does not accept them from an agency, so nothing was created. If your agency should have them, press Dispute and say why.\n[⚖️ Dispute]',
  ]);
  expect(await ee.env.deps.db.submission.count({ where: { phone } })).toBe(0);

  const [blocked] = await (await as(f.userB)).say('candidates outcome:blocked');
  expect(blocked).toContain(
    'Blocked submission (no details kept) (⛔ Blocked by duplicate rules · the employer already has this person ·',
  );
});

test('a wrong word for direct says what is accepted', async () => {
  expect(await (await as(f.ownerId)).say(`rule campaign:"${campaign}" direct:maybe`)).toEqual([
    '“maybe” is not what a match can do. Use direct:flag (record and flag) or direct:block.',
  ]);
});
