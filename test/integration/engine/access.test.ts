import { randomUUID } from 'node:crypto';
import { createChannelRegistry, createEngine } from '../../../src/engine';
import { createQueue } from '../../../src/jobs';
import { createLogger } from '../../../src/logger';
import { chat, linkIdentity, openEngineEnv, strangerIdentity, type EngineEnv } from '../../support/engine';
import { createUser, openTestEnv, seedFixture, unique, uniquePhone, type Fixture } from '../../support/services';

jest.setTimeout(30_000);

let ee: EngineEnv;
let f: Fixture;
let campaignName: string;

beforeAll(async () => {
  ee = await openEngineEnv();
  f = await seedFixture(ee.env);
  campaignName = (await ee.env.deps.db.campaign.findUniqueOrThrow({ where: { id: f.campaignId } })).name;
});
afterAll(() => ee.close());

const UNKNOWN =
  'Hi! Endorse is by invitation only. Open the link in your invitation email, or send “link <code>” with the code from it. No invitation yet? Ask your agency admin.';

describe('unknown identities', () => {
  test('get one polite line, whatever they send', async () => {
    const c = chat(ee, strangerIdentity());
    expect(await c.say('hello')).toEqual([UNKNOWN]);
    expect(await c.say('submit')).toEqual([UNKNOWN]);
    expect(await c.action('wiz:confirm')).toEqual([UNKNOWN]);
    expect(await c.send({ type: 'installed' })).toEqual([UNKNOWN]);
  });

  test('`start <token>` redeems an invitation and binds the chat; the next message is served', async () => {
    const email = `${unique('invitee')}@example.com`;
    const invitation = await ee.env.services.createInvitation(f.adminA, { email, role: 'AGENCY_USER', agencyId: f.agencyA });
    const c = chat(ee, strangerIdentity('TELEGRAM'));
    const welcome = await c.command('start', invitation.token);
    // Invited without a name: not greeted by their email.
    expect(welcome[0]).toMatch(/^Welcome to Endorse! Your chat is now linked\.\n\nHere is what you can do:/);
    expect(welcome[0]).toContain('• submit [name phone email] —');
    // Invited without a name, they are asked for one; answering it is the next message served.
    expect(welcome).toHaveLength(1);
    // The question is the last line of the text (the language buttons of a first chat sit under it).
    expect(welcome[0]).toMatch(/\n\nWhat name should your colleagues see for you \(e\.g\. Jane Dela Cruz\)\?(\n\[[^\n]*\])?$/);
    expect(await c.say('cancel')).toEqual(['Cancelled.']);
    expect(await c.say('cancel')).toEqual([expect.stringContaining('Nothing to cancel')]);
    const identity = await ee.env.deps.db.chatIdentity.findFirstOrThrow({ where: { platformUserId: c.identity.platformUserId } });
    expect(identity.address).toEqual({ conversationId: c.conversationId, user: c.identity.platformUserId });
    expect((await ee.env.deps.db.user.findUniqueOrThrow({ where: { email } })).status).toBe('ACTIVE');
  });

  test('`link <token>` as text works too; a bad code says what to do', async () => {
    const c = chat(ee, strangerIdentity());
    expect(await c.say('link not-a-real-code')).toEqual([expect.stringContaining('That invitation code is not valid')]);
    const invitation = await ee.env.services.createInvitation(f.ownerId, {
      email: `${unique('r')}@example.com`,
      role: 'RECRUITER',
    });
    expect((await c.say(`/start ${invitation.token}`))[0]).toContain('Welcome to Endorse');
  });
});

describe('help differs by role', () => {
  const helpOf = async (userId: string) => (await chat(ee, await linkIdentity(ee.env, userId)).say('help'))[0] ?? '';

  test('an agency user sees submit and My Candidates but no user management', async () => {
    const help = await helpOf(f.userA);
    expect(help).toContain('• submit');
    expect(help).toContain('• candidates');
    expect(help).not.toContain('• pool');
    expect(help).not.toContain('• users');
    expect(help).not.toContain('• stage');
  });

  test('an agency admin also sees the pool and users; an owner sees agencies; a recruiter stage but not submit', async () => {
    const admin = await helpOf(f.adminA);
    expect(admin).toContain('• pool');
    expect(admin).toContain('• users');
    expect(admin).toContain('• invite');
    expect(admin).not.toContain('• agencies');
    const owner = await helpOf(f.ownerId);
    expect(owner).toContain('• agencies');
    expect(owner).toContain('• stage');
    expect(owner).not.toContain('• submit');
    const recruiter = await helpOf(f.recruiterId);
    expect(recruiter).toContain('• stage');
    expect(recruiter).not.toContain('• submit');
    expect(recruiter).not.toContain('• users');
  });

  test('a command outside the role is refused with a pointer; unknown text gets the help pointer', async () => {
    const c = chat(ee, await linkIdentity(ee.env, f.userA));
    expect(await c.say('users')).toEqual(['“users” is not available to you. Type “help” to see what you can do.']);
    expect(await c.say('what is this')).toEqual([expect.stringContaining('I did not catch that. Type “help”')]);
    expect(await c.command('frobnicate')).toEqual([expect.stringContaining('There is no command “frobnicate”')]);
  });
});

describe('disabled access', () => {
  test('a disabled user is refused at once and their open wizard is gone', async () => {
    const userId = await createUser(ee.env, 'AGENCY_USER', f.agencyA);
    const c = chat(ee, await linkIdentity(ee.env, userId));
    await c.say('submit');
    await c.say('Jane Dela Cruz');
    await ee.env.services.disableUser(f.adminA, userId);

    expect(await c.say(uniquePhone())).toEqual([expect.stringContaining('Your access to Endorse has been disabled')]);
    expect(await c.say('help')).toEqual([expect.stringContaining('has been disabled')]);
    await ee.env.services.enableUser(f.adminA, userId);
    // Back in, the old wizard did not survive: a phone number is not an answer to anything.
    expect(await c.say(uniquePhone())).toEqual([expect.stringContaining('I did not catch that')]);
  });

  test('every user of a disabled agency is refused, their wizards dropped', async () => {
    const agency = await ee.env.services.createAgency(f.ownerId, { name: unique('Doomed') });
    const users = [
      await createUser(ee.env, 'AGENCY_ADMIN', agency.id),
      await createUser(ee.env, 'AGENCY_USER', agency.id),
      await createUser(ee.env, 'AGENCY_USER', agency.id),
    ];
    const chats = await Promise.all(users.map(async (u) => chat(ee, await linkIdentity(ee.env, u))));
    for (const c of chats) {
      await c.say('submit');
      await c.say('Jane Dela Cruz');
    }
    await ee.env.services.setAgencyStatus(f.ownerId, agency.id, 'DISABLED');
    // Its admins are disabled too: everyone is sent to the employer, nobody to “your agency admin”.
    for (const c of chats) {
      const [refusal] = await c.say(uniquePhone());
      expect(refusal).toContain('Your agency’s access to Endorse has been turned off');
      expect(refusal).toContain('Contact the employer’s Endorse owner');
      expect(refusal).not.toContain('agency admin');
    }
    await ee.env.services.setAgencyStatus(f.ownerId, agency.id, 'ACTIVE');
    for (const c of chats) expect(await c.say('back')).toEqual([expect.stringContaining('There is nothing to go back to')]);
  });
});

test('the same platform event id delivered twice produces one submission', async () => {
  const c = chat(ee, await linkIdentity(ee.env, f.userA));
  const phone = uniquePhone();
  await c.say('submit');
  await c.say(`Jane Dela Cruz ${phone} ${unique('twice')}@example.com`);
  await c.press(campaignName);
  await c.press('Skip');
  const eventId = `redelivered-${randomUUID()}`;
  const first = await c.action('wiz:confirm', undefined, { eventId });
  const again = await c.action('wiz:confirm', undefined, { eventId });
  const concurrent = await Promise.all([1, 2, 3].map(() => c.action('wiz:confirm', undefined, { eventId })));
  expect(first[0]).toMatch(/^✅ New Candidate/);
  expect(again).toEqual([]);
  expect(concurrent).toEqual([[], [], []]);
  expect(await ee.env.deps.db.submission.count({ where: { phone } })).toBe(1);
});

test('two engine instances on separate connections alternate one conversation', async () => {
  const other = await openEngineEnv({ env: await openTestEnv(), channel: ee.channel });
  try {
    const c = chat(ee, await linkIdentity(ee.env, f.userA));
    const phone = uniquePhone();
    await c.via(ee.engine).say('submit');
    expect(await c.via(other.engine).say('Jane Dela Cruz')).toEqual([expect.stringContaining('phone number')]);
    expect(await c.via(ee.engine).say(phone)).toEqual(['Their email address?']);
    expect(await c.via(other.engine).say(`${unique('two')}@example.com`)).toEqual([expect.stringContaining('Which campaign')]);
    await c.via(ee.engine).press(campaignName);
    await c.via(other.engine).press('Skip');
    // Both instances get the confirm at once (a load balancer retry): one submission, not two.
    const [a, b] = await Promise.all([c.via(ee.engine).action('wiz:confirm'), c.via(other.engine).action('wiz:confirm')]);
    expect([...a, ...b].filter((r) => r.startsWith('✅ New Candidate'))).toHaveLength(1);
    expect(await ee.env.deps.db.submission.count({ where: { phone } })).toBe(1);
  } finally {
    await other.close();
    await other.env.close();
  }
});

test('an internal error is logged with ids only and answered politely', async () => {
  const lines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  const queue = createQueue({ logger });
  const failing = {
    ...ee.env.services,
    listDashboard: async () => {
      throw new Error('pool exhausted while reading jane.secret@example.com +63 917 123 4567');
    },
  };
  const channels = createChannelRegistry([ee.channel]);
  const engine = createEngine({ services: failing, queue, logger, channels, sendLater: async () => undefined });
  const userChat = chat({ engine, channel: ee.channel }, await linkIdentity(ee.env, f.userA));
  expect(await userChat.say('candidates')).toEqual(['Sorry, something went wrong on my side. Please try again in a moment.']);
  const failure = lines.find((l) => l.includes('engine: event failed')) ?? '';
  expect(failure).toContain(f.userA);
  expect(failure).toContain('"eventId"');
  expect(failure).not.toContain('jane.secret@example.com');
  expect(failure).not.toContain('917 123 4567');
  await queue.close();
});

test('campaigns lists what the user may submit to; another locale falls back to English', async () => {
  const c = chat(ee, await linkIdentity(ee.env, f.userA));
  const [list] = await c.say('campaigns', { locale: 'fil-PH' });
  expect(list).toContain('# Campaigns');
  expect(list).toContain(`- ${campaignName} (open)`);
  expect(await c.send({ type: 'installed' })).toEqual([expect.stringMatching(/^Hi .+!\n\nHere is what you can do:/)]);
});
