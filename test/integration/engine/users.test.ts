import { chat, linkIdentity, openEngineEnv, type EngineEnv } from '../../support/engine';
import { createUser, seedFixture, unique, type Fixture } from '../../support/services';

jest.setTimeout(30_000);

let ee: EngineEnv;
let f: Fixture;

beforeAll(async () => {
  ee = await openEngineEnv();
  f = await seedFixture(ee.env);
});
afterAll(() => ee.close());

const as = async (userId: string) => chat(ee, await linkIdentity(ee.env, userId));
const emailOf = async (userId: string) => (await ee.env.deps.db.user.findUniqueOrThrow({ where: { id: userId } })).email;
const statusOf = async (userId: string) => (await ee.env.deps.db.user.findUniqueOrThrow({ where: { id: userId } })).status;

test('an admin lists, filters and searches the users of their agency only', async () => {
  const admin = await as(f.adminA);
  const [all] = await admin.say('users');
  expect(all).toContain('# Users');
  expect(all).toContain(await emailOf(f.userA));
  expect(all).not.toContain(await emailOf(f.userB));
  const [admins] = await admin.say('users role:agency_admin');
  expect(admins).toContain(await emailOf(f.adminA));
  expect(admins).not.toContain(await emailOf(f.userA));
  const [search] = await admin.say(`users ${(await emailOf(f.userA2)).slice(0, 14)}`);
  expect(search).toContain(await emailOf(f.userA2));
  expect(search).toContain('1 user\n');
});

test('an owner filters by agency; a user card has the actions', async () => {
  const owner = await as(f.ownerId);
  const agencyB = (await ee.env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyB } })).name;
  const [list] = await owner.say(`users agency:"${agencyB}"`);
  expect(list).toContain(await emailOf(f.userB));
  expect(list).not.toContain(await emailOf(f.userA));
  const [card] = await owner.say(`user ${await emailOf(f.userB)}`);
  expect(card).toContain('Role: Agency user');
  expect(card).toContain(`Agency: ${agencyB}`);
  expect(card).toContain('[Rename] [Disable]');
});

test('rename by command and by button', async () => {
  const target = await createUser(ee.env, 'AGENCY_USER', f.agencyA);
  const email = await emailOf(target);
  const admin = await as(f.adminA);
  expect(await admin.say(`rename ${email} Maria Clara`)).toEqual([`Renamed: Maria Clara <${email}>.`]);
  await admin.say(`user ${email}`);
  expect(await admin.press('Rename')).toEqual([`Type the new name for Maria Clara <${email}> (or “cancel”).`]);
  expect(await admin.say('x'.repeat(121))).toEqual(['A name is at most 120 characters.']);
  expect(await admin.say('Maria C. Santos')).toEqual([`Renamed: Maria C. Santos <${email}>.`]);
});

test('disable asks for confirmation; No keeps, Yes disables; enable restores', async () => {
  const target = await createUser(ee.env, 'AGENCY_USER', f.agencyA);
  const email = await emailOf(target);
  const admin = await as(f.adminA);
  const [question] = await admin.say(`disable ${email}`);
  expect(question).toContain('Disable');
  expect(question).toContain('[Yes, disable] [No, keep]');
  expect(await admin.press('No, keep')).toEqual(['Nothing changed.']);
  expect(await statusOf(target)).toBe('ACTIVE');

  await admin.say(`disable ${email}`);
  expect(await admin.say('perhaps')).toEqual([expect.stringContaining('Please answer yes or no')]);
  expect(await admin.press('Yes, disable')).toEqual([
    expect.stringContaining('is disabled. Type “enable” with their email to undo.'),
  ]);
  expect(await statusOf(target)).toBe('DISABLED');

  await admin.say(`user ${email}`);
  expect(await admin.press('Enable')).toEqual([expect.stringContaining('is enabled again.')]);
  expect(await statusOf(target)).toBe('ACTIVE');
});

test('admins cannot manage other admins or other agencies; nobody manages themselves', async () => {
  const admin = await as(f.adminA);
  await admin.say(`disable ${await emailOf(f.userB)}`);
  expect(admin.last).toHaveLength(1);
  // Another agency's user reads as no user at all (no existence oracle).
  expect((await admin.say(`disable ${await emailOf(f.userB)}`))[0]).toContain('among the users you can see');
  const other = await createUser(ee.env, 'AGENCY_ADMIN', f.agencyA);
  // Refused up front, not after “Yes”.
  expect(await admin.say(`disable ${await emailOf(other)}`)).toEqual([
    expect.stringContaining('Agency admins manage agency users only'),
  ]);
  expect(await statusOf(other)).toBe('ACTIVE');
  expect((await admin.say(`rename ${await emailOf(f.adminA)} Me`))[0]).toContain('You cannot change your own access');
  expect((await admin.say('user nobody@nowhere.test'))[0]).toContain('No user “nobody@nowhere.test”');
});

test('owners list agencies and disable (with confirmation) / enable one', async () => {
  const owner = await as(f.ownerId);
  const agency = await ee.env.services.createAgency(f.ownerId, { name: unique('Closing Agency') });
  const member = await createUser(ee.env, 'AGENCY_USER', agency.id);
  const memberChat = await as(member);
  const [list] = await owner.say('agencies');
  expect(list).toContain(`${agency.name} (Active · 1 user)`);
  expect((await owner.say(`agency disable ${agency.name}`))[0]).toContain(`Disable the agency ${agency.name}?`);
  expect(await owner.press('Yes, disable')).toEqual([`The agency ${agency.name} is disabled; its 1 user has no access now.`]);
  expect(await memberChat.say('help')).toEqual([expect.stringContaining('Your agency’s access to Endorse has been turned off')]);
  expect(await owner.say(`agency enable ${agency.name}`)).toEqual([`The agency ${agency.name} is enabled again.`]);
  expect((await memberChat.say('help'))[0]).toContain('Here is what you can do');
  expect(await (await as(f.adminA)).say('agencies')).toEqual([expect.stringContaining('“agencies” is not available to you')]);
});

test('invite prints a link that `start <token>` redeems', async () => {
  const admin = await as(f.adminA);
  const email = `${unique('new')}@example.com`;
  const [created] = await admin.say(`invite ${email} user`);
  const agencyA = (await ee.env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyA } })).name;
  expect(created).toContain(
    `Invitation for ${email} (an agency user of ${agencyA}) is ready. Send them this link: http://endorse.test/invite/`,
  );
  const token = /link (\S+)\n/.exec(created ?? '')?.[1] ?? '';
  expect(await admin.say(`invite ${unique('x')}@example.com owner`)).toEqual([
    expect.stringContaining('Agency admins invite agency users only'),
  ]);
  expect(await admin.say(`invite ${unique('x')}@example.com boss`)).toEqual([expect.stringContaining('“boss” is not a role')]);
  expect(await admin.say('invite')).toEqual([expect.stringContaining('Type it like this: invite jane@example.com')]);

  const owner = await as(f.ownerId);
  const agencyB = (await ee.env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyB } })).name;
  expect((await owner.say(`invite ${unique('b')}@example.com agency_admin ${agencyB}`))[0]).toContain(
    `(an agency admin of ${agencyB}) is ready`,
  );
  expect(await owner.say(`invite ${unique('b')}@example.com agency_user`)).toEqual([
    expect.stringContaining('Agency roles need an agency'),
  ]);

  const newcomer = chat(ee, { platform: 'WEB', workspaceId: '', platformUserId: unique('newcomer') });
  expect((await newcomer.say(`start ${token}`))[0]).toContain('Welcome to Endorse');
  expect((await newcomer.say('help'))[0]).toContain('• submit');
});

test('an owner lists the notifications that failed for good; nobody else may', async () => {
  const candidate = await ee.env.deps.db.candidate.create({
    data: {
      firstName: 'Failed',
      lastName: 'Delivery',
      phone: '+639170000001',
      email: `${unique('fd')}@example.com`,
      channel: 'WEB',
      agencyId: f.agencyA,
      submittedById: f.userA,
      campaignId: f.campaignId,
    },
  });
  await ee.env.deps.db.notification.create({
    data: {
      kind: 'RECRUITER_COMMENT',
      candidateId: candidate.id,
      recipientId: f.userA,
      channel: 'TELEGRAM',
      payload: {},
      status: 'FAILED',
      attempts: 5,
      lastError: 'UNREACHABLE: Bot API answered 502',
    },
  });
  const [list] = await (await as(f.ownerId)).say('deliveries');
  expect(list).toContain('# Failed deliveries');
  expect(list).toContain('RECRUITER_COMMENT');
  expect(list).toContain('5 tries · UNREACHABLE: Bot API answered 502');

  const [refused] = await (await as(f.adminA)).say('deliveries');
  expect(refused).not.toContain('Failed deliveries');
});
