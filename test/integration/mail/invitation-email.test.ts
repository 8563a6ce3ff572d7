import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { SMTPServer } from 'smtp-server';
import { runAdminCommand } from '../../../src/cli/admin-commands';
import { createLogger } from '../../../src/logger';
import { createMailer, inviteChannels, renderInvitationEmail } from '../../../src/mail';
import { SYSTEM_ACTOR } from '../../../src/services';
import { openTestEnv, seedFixture, unique, type Fixture, type TestEnv } from '../../support/services';

/**
 * Issue 8, must-show 1: a real SMTP server in this process receives the invitation email; its link
 * carries a token that, redeemed from a chat identity, binds the invitee.
 */
let env: TestEnv;
let f: Fixture;
let smtp: SMTPServer;
let port: number;
const received: { from: string; to: string[]; raw: string }[] = [];

beforeAll(async () => {
  env = await openTestEnv();
  f = await seedFixture(env);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await env.close();
});

/** The text/plain and text/html parts of a MIME message, quoted-printable decoded. */
function parts(raw: string): { text: string; html: string } {
  const decode = (body: string) =>
    body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const find = (type: string) => {
    const match = new RegExp(`Content-Type: ${type}[^]*?\\r?\\n\\r?\\n([^]*?)(\\r?\\n--|$)`, 'i').exec(raw);
    return Buffer.from(decode(match?.[1] ?? ''), 'latin1').toString('utf8');
  };
  return { text: find('text/plain'), html: find('text/html') };
}

test('the invitation email arrives over SMTP with a working link that binds the chat identity', async () => {
  const mailer = createMailer({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: 'Endorse <no-reply@endorse.test>',
    logger: createLogger('silent'),
  });
  const email = `${unique('invitee')}@example.com`;
  const invitation = await env.services.createInvitation(f.adminA, { email, role: 'AGENCY_USER', agencyId: f.agencyA });
  await mailer.send(
    renderInvitationEmail({
      to: email,
      url: invitation.url,
      role: invitation.role,
      agencyName: 'Agency A',
      expiresAt: invitation.expiresAt,
    }),
  );
  mailer.close();

  expect(received).toHaveLength(1);
  const mail = received[0]!;
  expect(mail.from).toBe('no-reply@endorse.test');
  expect(mail.to).toEqual([email]);
  const { text, html } = parts(mail.raw);
  const link = /http:\/\/endorse\.test\/invite\/([A-Za-z0-9_-]{43})/.exec(text);
  expect(link).not.toBeNull();
  expect(html).toContain(`href="${link![0]}"`);
  const token = link![1]!;

  const redeemed = await env.services.redeemInvitation(token, {
    platform: 'TELEGRAM',
    platformUserId: unique('tg'),
    address: { chatId: 1 },
  });
  expect(redeemed).toMatchObject({ email, role: 'AGENCY_USER' });
  const user = await env.deps.db.user.findUniqueOrThrow({ where: { email }, include: { identities: true } });
  expect(user.status).toBe('ACTIVE');
  expect(user.identities.map((i) => i.platform)).toEqual(['TELEGRAM']);
  // Single use: the same link does not bind a second account.
  await expect(env.services.redeemInvitation(token, { platform: 'WEB', platformUserId: unique('web') })).rejects.toMatchObject({
    code: 'CONFLICT',
  });
});

test('`npm run admin -- user invite` emails the link when SMTP is configured, and still prints it last', async () => {
  const mailer = createMailer({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: 'no-reply@endorse.test',
    logger: createLogger('silent'),
  });
  const email = `${unique('cli-invitee')}@example.com`;
  const lines: string[] = [];
  const before = received.length;
  await runAdminCommand(env.services, ['user', 'invite', email, '--role', 'recruiter'], (l) => lines.push(l), { mailer });
  mailer.close();
  expect(lines.at(-2)).toBe(`Emailed the invitation to ${email}.`);
  expect(received.slice(before).map((m) => m.to)).toEqual([[email]]);
  expect(parts(received.at(-1)!.raw).text).toContain(lines.at(-1));
});

test('a 5xx from the SMTP server is a permanent failure (no retry)', async () => {
  const refusing = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
    },
  });
  await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
  const refusingPort = (refusing.server.address() as AddressInfo).port;
  const mailer = createMailer({
    smtpUrl: `smtp://127.0.0.1:${refusingPort}`,
    from: 'x@endorse.test',
    logger: createLogger('silent'),
  });
  await expect(mailer.send({ to: 'nobody@example.com', subject: 's', text: 't' })).rejects.toMatchObject({
    name: 'PermanentMailError',
  });
  mailer.close();
  await new Promise<void>((resolve) => refusing.close(() => resolve()));
});

test('with no SMTP_URL the email goes to the log, the address masked and the live link redacted; the demo console shows it whole', async () => {
  const lines: string[] = [];
  const shown: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
  const mailer = createMailer({
    from: 'x@endorse.test',
    logger: createLogger('trace', sink),
    showMail: (mail) => shown.push(mail.text),
  });
  expect(mailer.kind).toBe('log');
  const invitation = await env.services.createInvitation(SYSTEM_ACTOR, {
    email: `${unique('logged')}@example.com`,
    role: 'RECRUITER',
  });
  await mailer.send(
    renderInvitationEmail({ to: invitation.email, url: invitation.url, role: 'RECRUITER', expiresAt: invitation.expiresAt }),
  );
  const logged = lines.join('');
  expect(logged).toContain('/invite/[redacted]');
  expect(logged).not.toContain(invitation.token);
  expect(logged).not.toContain(invitation.email);
  expect(shown.join('')).toContain(invitation.url);
});

test('the invitation page offers each configured channel', () => {
  const token = 'a'.repeat(43);
  const all = inviteChannels(token, {
    publicUrl: 'https://e.test',
    telegramBotUsername: '@EndorseBot',
    slack: true,
    teams: true,
    webChat: true,
  });
  expect(all.map((c) => c.platform)).toEqual(['TELEGRAM', 'SLACK', 'TEAMS', 'WEB']);
  expect(all[0]!.url).toBe(`https://t.me/EndorseBot?start=${token}`);
  expect(all[1]!.command).toBe(`link ${token}`);
  expect(all[3]).toMatchObject({ url: `https://e.test/invite/${token}/web`, method: 'POST' });
  expect(
    inviteChannels(token, { publicUrl: 'https://e.test', slack: false, teams: false, webChat: true }).map((c) => c.platform),
  ).toEqual(['WEB']);
});
