import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createHttpApp } from '../../../src/http/app';
import { mountInvitePage } from '../../../src/http/invite-page';
import { createChannelRegistry } from '../../../src/engine/channel-registry';
import { createEngine } from '../../../src/engine';
import { createQueue, type JobQueue } from '../../../src/jobs';
import { createLogger } from '../../../src/logger';
import { inviteChannels } from '../../../src/mail';
import { createNotifications, type Notifications } from '../../../src/notify/notifications';
import { chat, fakeChannel, linkIdentity, strangerIdentity, type EngineEnv } from '../../support/engine';
import { openTestEnv, seedFixture, unique, type Fixture, type TestEnv } from '../../support/services';

/**
 * Issue 14, rough edge "Invitations": an admin invites from chat; the email (over real SMTP) and
 * the invitation page name the agency and the role in the product's words, and the invitee is shown
 * by the invited name, or asked for one, never by their email.
 */
jest.setTimeout(30_000);

let env: TestEnv;
let f: Fixture;
let smtp: SMTPServer;
let queue: JobQueue;
let notifications: Notifications;
let ee: Pick<EngineEnv, 'engine' | 'channel'>;
let agencyA: string;
const mails: { to: string[]; raw: string }[] = [];
const waiters: (() => void)[] = [];

/** Resolves when an email to `to` has arrived (checked on every arrival), or fails after 10 s. */
function mailTo(to: string): Promise<{ to: string[]; raw: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no email to ${to} within 10 s`)), 10_000);
    const check = () => {
      const mail = mails.find((m) => m.to.includes(to));
      if (!mail) return void waiters.push(check);
      clearTimeout(timer);
      resolve(mail);
    };
    check();
  });
}

beforeAll(async () => {
  env = await openTestEnv();
  f = await seedFixture(env);
  agencyA = (await env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyA } })).name;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        for (const wake of waiters.splice(0)) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  const logger = createLogger('silent');
  queue = createQueue({ logger });
  const channel = fakeChannel();
  const channels = createChannelRegistry([channel]);
  // The product's own wiring: the engine holds the services whose createInvitation queues the email.
  notifications = createNotifications({
    config: {
      mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'no-reply@endorse.test' },
      atsWebhook: null,
      publicUrl: env.deps.publicUrl,
      processRole: 'web',
    },
    db: env.deps.db,
    queue,
    logger,
    services: env.services,
    channels,
  });
  const engine = createEngine({
    services: notifications.services,
    queue,
    logger,
    now: env.clock.now,
    channels,
    sendLater: notifications.sendLater,
  });
  await queue.start();
  ee = { engine, channel };
});
afterAll(async () => {
  await notifications.close();
  await queue.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await env.close();
});

/** The text/plain part of a MIME message, quoted-printable decoded. */
function plainText(raw: string): string {
  const match = /Content-Type: text\/plain[^]*?\r?\n\r?\n([^]*?)(\r?\n--|$)/i.exec(raw);
  const body = (match?.[1] ?? '')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(body, 'latin1').toString('utf8');
}

async function inviteFromChat(line: string, to: string): Promise<{ reply: string; mail: string; token: string }> {
  const admin = chat(ee, await linkIdentity(env, f.adminA));
  const [reply = ''] = await admin.say(line);
  const mail = await mailTo(to);
  const token = /link (\S+)\n/.exec(reply)?.[1] ?? '';
  return { reply, mail: plainText(mail.raw), token };
}

async function invitePage(token: string): Promise<string> {
  const channels = (t: string) => inviteChannels(t, { publicUrl: env.deps.publicUrl, slack: true, teams: false, webChat: true });
  const app = createHttpApp({
    logger: createLogger('silent'),
    health: async () => ({ ok: true, database: { ok: true, kind: 'test' }, queue: { ok: true, backend: 'inline' } }),
    mounts: [mountInvitePage(channels, (t) => env.services.describeInvitation(t))],
  });
  const server = app.listen(0);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/invite/${token}`);
    expect(res.status).toBe(200);
    return await res.text();
  } finally {
    server.close();
  }
}

test('the email and the invitation page name the invited person, the role and the agency in the product’s words', async () => {
  const email = `${unique('jane')}@example.com`;
  const { reply, mail, token } = await inviteFromChat(`invite ${email} agency_user name:"Jane Dela Cruz"`, email);
  expect(reply).toContain(`Invitation for Jane Dela Cruz <${email}> (an agency user of ${agencyA}) is ready.`);
  expect(mail).toContain('Hi Jane Dela Cruz,');
  expect(mail).toContain(`invited you to Endorse as an agency user of ${agencyA}.`);
  expect(mail).not.toMatch(/recruiter|AGENCY_USER/);
  const page = await invitePage(token);
  expect(page).toContain('<h1>Welcome to Endorse, Jane Dela Cruz</h1>');
  expect(page).toContain(`You are invited as an agency user of ${agencyA}.`);
});

test('the invitee is then shown by the invited name, not the email', async () => {
  const email = `${unique('named')}@example.com`;
  const { token } = await inviteFromChat(`invite ${email} user name:"Nora Named"`, email);
  const invitee = chat(ee, strangerIdentity());
  expect(await invitee.say(`start ${token}`)).toEqual([
    expect.stringMatching(/^Welcome to Endorse, Nora Named! Your chat is now linked\./),
  ]);
  expect((await env.deps.db.user.findUniqueOrThrow({ where: { email } })).name).toBe('Nora Named');
});

test('invited without a name, the invitee is asked for one and is shown by it', async () => {
  const email = `${unique('nameless')}@example.com`;
  const { token } = await inviteFromChat(`invite ${email} user`, email);
  const invitee = chat(ee, strangerIdentity());
  const welcome = await invitee.say(`start ${token}`);
  // The question is the last line of the text (the language buttons of a first chat sit under it).
  expect(welcome[0]).toMatch(/\n\nWhat name should your colleagues see for you \(e\.g\. Jane Dela Cruz\)\?(\n\[[^\n]*\])?$/);
  expect(await invitee.say('Ana Reyes')).toEqual(['Thanks, Ana Reyes: that is the name your colleagues see.']);
  expect((await env.deps.db.user.findUniqueOrThrow({ where: { email } })).name).toBe('Ana Reyes');
  const [list] = await chat(ee, await linkIdentity(env, f.adminA)).say(`users ${email}`);
  expect(list).toContain(`Ana Reyes <${email}>`);
});

test('a used invitation link no longer shows whom it was for', async () => {
  const email = `${unique('used')}@example.com`;
  const { token } = await inviteFromChat(`invite ${email} user name:"Uma Used"`, email);
  await chat(ee, strangerIdentity()).say(`start ${token}`);
  const page = await invitePage(token);
  expect(page).not.toContain('Uma Used');
  expect(page).toContain('<h1>Welcome to Endorse</h1>');
});
