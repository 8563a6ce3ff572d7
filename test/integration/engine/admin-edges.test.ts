import { chat, linkIdentity, openEngineEnv, type EngineEnv } from '../../support/engine';
import { createUser, seedFixture, unique, uniquePhone, type Fixture } from '../../support/services';

/** Issue 14, rough edges of user management: one rule per test, walked in chat. */
jest.setTimeout(30_000);

let ee: EngineEnv;
let f: Fixture;

beforeAll(async () => {
  ee = await openEngineEnv();
  f = await seedFixture(ee.env);
});
afterAll(() => ee.close());

const as = async (userId: string) => chat(ee, await linkIdentity(ee.env, userId));
const db = () => ee.env.deps.db;
const agencyName = async (id: string) => (await db().agency.findUniqueOrThrow({ where: { id } })).name;
const emailOf = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id } })).email;

test('an agency admin may name their own agency in `users agency:"…"`; any other name gets one refusal', async () => {
  const admin = await as(f.adminA);
  const [own] = await admin.say(`users agency:"${await agencyName(f.agencyA)}"`);
  expect(own).toContain('# Users');
  expect(own).toContain(await emailOf(f.userA));
  const refusal = 'You can only list the users of your own agency. Type “users” to see yours.';
  expect(await admin.say(`users agency:"${await agencyName(f.agencyB)}"`)).toEqual([refusal]);
  expect(await admin.say('users agency:"No Such Agency Anywhere"')).toEqual([refusal]);
});

test('disabling oneself is refused up front, without a question', async () => {
  const admin = await as(f.adminA);
  expect(await admin.say(`disable ${await emailOf(f.adminA)}`)).toEqual([
    'You cannot change your own access. Ask another admin or an owner. Type “help” to see what you can do.',
  ]);
  // No question was opened: a "yes" now is just text.
  expect(await admin.say('yes')).toEqual([expect.stringContaining('I did not catch that')]);
});

test('another command while a yes / no question is open runs, and the bot says the question was dropped', async () => {
  const admin = await as(f.adminA);
  const target = await createUser(ee.env, 'AGENCY_USER', f.agencyA);
  const email = await emailOf(target);
  expect((await admin.say(`disable ${email}`))[0]).toContain('[Yes, disable] [No, keep]');
  // Help keeps the question and asks it again.
  expect(await admin.say('help')).toEqual([
    expect.stringContaining('Here is what you can do'),
    expect.stringMatching(/^Please answer yes or no: disable .*\?\n\[Yes, disable\] \[No, keep\]$/),
  ]);
  const replies = await admin.say('candidates');
  expect(replies[0]).toMatch(/^I dropped the question about .*: nothing was changed\.$/);
  expect(replies[1]).toContain('# My Candidates');
  // The question is gone: its old button is stale and the user stays active.
  expect(await admin.action('confirm', 'yes')).toEqual([expect.stringContaining('belongs to something that is over')]);
  expect((await db().user.findUniqueOrThrow({ where: { id: target } })).status).toBe('ACTIVE');
});

test('user lists and cards show the effective state of users of a disabled agency', async () => {
  const owner = await as(f.ownerId);
  const agency = await ee.env.services.createAgency(f.ownerId, { name: unique('Paused Agency') });
  const member = await createUser(ee.env, 'AGENCY_USER', agency.id);
  await ee.env.services.setAgencyStatus(f.ownerId, agency.id, 'DISABLED');
  const [list] = await owner.say(`users agency:"${agency.name}"`);
  expect(list).toContain('Active, agency disabled: no access');
  const [card] = await owner.say(`user ${await emailOf(member)}`);
  expect(card).toContain('Status: Active, agency disabled: no access');
});

test('no existence oracle: another agency’s candidate and a missing one get the same answer', async () => {
  const r = await ee.env.services.submitCandidate(f.userB, {
    firstName: 'Hidden',
    lastName: 'Person',
    phone: uniquePhone(),
    email: `${unique('hidden')}@example.com`,
    campaignId: f.campaignId,
    channel: 'WEB',
  });
  if (r.outcome !== 'ADDED') throw new Error('fixture candidate not added');
  const missing = (await db().candidate.aggregate({ _max: { ref: true } }))._max.ref ?? 0;
  const admin = await as(f.adminA);
  const answer = async (ref: number) => (await admin.say(`candidate C-${ref}`))[0]?.replace(`C-${ref}`, 'C-#');
  expect(await answer(r.candidateRef)).toBe(await answer(missing + 1000));
  const comment = async (ref: number) => (await admin.say(`comment C-${ref} hello`))[0]?.replace(`C-${ref}`, 'C-#');
  expect(await comment(r.candidateRef)).toBe(await comment(missing + 1000));
});

test('no existence oracle: another agency’s user and a missing email get the same answer', async () => {
  const admin = await as(f.adminA);
  const other = await emailOf(f.userB);
  const nobody = `${unique('nobody')}@example.test`;
  for (const command of ['user', 'disable', 'enable']) {
    const a = (await admin.say(`${command} ${other}`))[0]?.replace(other, 'EMAIL');
    const b = (await admin.say(`${command} ${nobody}`))[0]?.replace(nobody, 'EMAIL');
    expect(a).toBe(b);
    expect(a).toBe('No user “EMAIL” among the users you can see. Type “users” to list them.');
  }
  const renamed = (await admin.say(`rename ${other} New Name`))[0]?.replace(other, 'EMAIL');
  expect(renamed).toBe('No user “EMAIL” among the users you can see. Type “users” to list them.');
});
