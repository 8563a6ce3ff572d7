import { randomInt, randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '../../src/db/database';
import { createLogger } from '../../src/logger';
import { createServices, type Services } from '../../src/services';
import { createPostgresDatabase, type OwnDatabase } from '../support/postgres-database';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis';
import { ensureBuilt, startProductionServer, type ProductionServer } from '../support/production-server';
import { startFakeTelegramApi, type FakeCall, type FakeTelegramApi } from './support/fake-telegram-api';
import { callbackUpdate, commandUpdate, textUpdate, type TelegramPerson } from './support/telegram-updates';
import { openWebStream, type StreamedEntry, type WebStream } from './support/web-stream';

/**
 * Issue 17, must-show 1 and 3: two app processes (PROCESS_ROLE=web) and a worker, all the
 * production build on one PostgreSQL and one Redis, as compose.yaml runs them. Every conversation
 * hops between the instances; at the end, the output of all three at LOG_LEVEL=trace holds no
 * phone, email, token, key or secret of what went through them.
 */
jest.setTimeout(240_000);

const TELEGRAM_TOKEN = '123456789:AAE2e-instances-token_abcdefghijkl';
const TELEGRAM_SECRET = 'e2e-instances-webhook-secret-0123456789';
const SESSION_SECRET = 'e2e-instances-session-secret-0123456789abcdef';

let database: OwnDatabase;
let redis: PrivateRedis;
let fake: FakeTelegramApi;
let a: ProductionServer;
let b: ProductionServer;
let worker: ProductionServer;
let db: Database;
let services: Services;
/** What must never reach a log line: filled as the flows produce it. */
const secrets: string[] = [TELEGRAM_TOKEN, TELEGRAM_SECRET, SESSION_SECRET];

beforeAll(async () => {
  ensureBuilt();
  [database, redis, fake] = await Promise.all([
    createPostgresDatabase(),
    startPrivateRedis(),
    startFakeTelegramApi({ token: TELEGRAM_TOKEN }),
  ]);
  await redis.start();
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    SESSION_SECRET,
    DEMO_SEED: 'on',
    LOG_LEVEL: 'trace',
    TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
    TELEGRAM_API_ROOT: fake.url,
    TELEGRAM_BOT_USERNAME: 'test_bot',
  };
  // The first migrates and seeds; the others find the database ready.
  a = await startProductionServer({ ...env, PROCESS_ROLE: 'web' });
  [b, worker] = await Promise.all([
    startProductionServer({ ...env, PROCESS_ROLE: 'web' }),
    startProductionServer(env, { args: ['--worker'], readyText: 'worker started' }),
  ]);
  db = await openDatabase({ databaseUrl: database.url, dataDir: '' });
  services = createServices({
    db: db.prisma,
    sql: db.driver,
    logger: createLogger('silent'),
    now: () => new Date(),
    publicUrl: a.baseUrl,
    inviteTtlDays: 7,
  });
}, 300_000);

afterAll(async () => {
  for (const p of [a, b, worker]) p?.child.kill('SIGTERM');
  await Promise.all([a, b, worker].map((p) => p?.exited));
  await db?.close();
  await Promise.all([fake?.close(), redis?.stop(), database?.drop()]);
});

const demoUserId = async (name: string): Promise<string> => {
  const res = await fetch(`${a.baseUrl}/chat/api/session`);
  const body = (await res.json()) as { demoUsers: { id: string; name: string }[] };
  const user = body.demoUsers.find((u) => u.name === name);
  if (!user) throw new Error(`demo user ${name} missing`);
  return user.id;
};

/** Signs in on `server` as a demo user; the cookie works on every instance (SESSION_SECRET, sessions in the database). */
async function signIn(server: ProductionServer, name: string): Promise<{ cookie: string; sessionId: string }> {
  const res = await fetch(`${server.baseUrl}/chat/api/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: await demoUserId(name) }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const sessionId = decodeURIComponent(cookie.split('=')[1] ?? '').split('.')[0] ?? '';
  secrets.push(decodeURIComponent(cookie.split('=')[1] ?? ''));
  return { cookie, sessionId };
}

async function post(server: ProductionServer, cookie: string, body: object): Promise<{ status: number; messages: StreamedEntry[] }> {
  const res = await fetch(`${server.baseUrl}/chat/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as { messages?: StreamedEntry[] };
  return { status: res.status, messages: answer.messages ?? [] };
}

const pushCount = (pushes: StreamedEntry[], id: string) => pushes.filter((p) => p.id === id).length;

describe('one web chat, two instances', () => {
  let stream: WebStream | undefined;
  afterEach(() => stream?.close());

  it('the stream is on A, the posts go to B: every reply arrives once, and the history on either instance has them all', async () => {
    const { cookie } = await signIn(a, 'Uma User');
    stream = await openWebStream(a.baseUrl, cookie);
    const replyIds: string[] = [];
    for (const text of ['help', 'my candidates', 'help', 'my candidates', 'help']) {
      const answer = await post(b, cookie, { type: 'text', eventId: randomUUID(), text });
      expect(answer.status).toBe(200);
      expect(answer.messages.length).toBeGreaterThan(0);
      replyIds.push(...answer.messages.map((m) => m.id));
    }
    await stream.waitFor((pushes) => replyIds.every((id) => pushCount(pushes, id) >= 1));
    if (stream.reconnects === 0) for (const id of replyIds) expect(pushCount(stream.pushes, id)).toBe(1);

    for (const server of [a, b]) {
      const history = (await (await fetch(`${server.baseUrl}/chat/api/history`, { headers: { cookie } })).json()) as {
        entries: StreamedEntry[];
      };
      const ids = history.entries.map((e) => e.id);
      for (const id of replyIds) expect(ids.filter((x) => x === id)).toHaveLength(1);
      // What the user sent is there too, once each.
      expect(history.entries.filter((e) => e.from === 'user')).toHaveLength(5);
    }
  });

  it('recruiter comments relayed by B and the worker reach the stream on A: all arrive, and none is SENT that did not', async () => {
    const { cookie, sessionId } = await signIn(a, 'Uma User');
    const umaId = await demoUserId('Uma User');
    const campaign = await db.prisma.campaign.findFirstOrThrow({ where: { status: 'OPEN' }, select: { id: true } });
    const phone = `+63917${randomInt(1_000_000, 9_999_999)}`;
    const email = `comment.target.${randomUUID().slice(0, 8)}@example.com`;
    secrets.push(phone, email);
    const submitted = await services.submitCandidate(umaId, {
      firstName: 'Carla',
      lastName: 'Comment',
      phone,
      email,
      campaignId: campaign.id,
      channel: 'WEB',
    });
    const ownerId = await demoUserId('Olivia Owner');
    const key = await services.createApiKey(ownerId, { name: 'ATS', scope: 'RECRUITER', userEmail: 'recruiter@demo.endorse' });
    secrets.push(key.key);
    expect(submitted.outcome).toBe('ADDED');
    const candidate = await db.prisma.candidate.findFirstOrThrow({ where: { phone }, select: { ref: true } });

    stream = await openWebStream(a.baseUrl, cookie);
    const bodies = Array.from({ length: 20 }, (_, i) => `Comment ${i + 1} of 20 (${randomUUID().slice(0, 6)})`);
    for (const body of bodies) {
      const res = await fetch(`${b.baseUrl}/api/v1/candidates/C-${candidate.ref}/comments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body }),
      });
      expect(res.status).toBe(201);
    }
    const shown = (pushes: StreamedEntry[], body: string) => pushes.some((p) => JSON.stringify(p.view).includes(body));
    await stream.waitFor((pushes) => bodies.every((body) => shown(pushes, body)), 60_000);

    const identity = await db.prisma.chatIdentity.findFirstOrThrow({ where: { platform: 'WEB', platformUserId: sessionId } });
    const notifications = await db.prisma.notification.findMany({
      where: { chatIdentityId: identity.id, kind: 'RECRUITER_COMMENT' },
      select: { status: true, platformMessageId: true },
    });
    expect(notifications).toHaveLength(20);
    const history = await services.webHistory(sessionId, 500);
    for (const n of notifications) {
      expect(n.status).toBe('SENT');
      // SENT means the transcript has it: the ref recorded is an entry this session holds.
      expect(history.map((e) => e.id)).toContain(n.platformMessageId);
    }
  });

  it('a file uploaded on A is used on B', async () => {
    const { cookie } = await signIn(a, 'Uma User');
    const upload = await fetch(`${a.baseUrl}/chat/api/files`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/pdf', 'x-file-name': 'cv.pdf' },
      body: '%PDF-1.4\n%%EOF\n',
    });
    expect(upload.status).toBe(201);
    const { file } = (await upload.json()) as { file: { ref: string } };
    const used = await post(b, cookie, { type: 'file', eventId: randomUUID(), file: { ref: file.ref } });
    expect(used.status).toBe(200);
    expect(JSON.stringify(used.messages)).not.toMatch(/expired|never arrived/);
  });
});

describe('Telegram across two instances', () => {
  const person: TelegramPerson = { id: randomInt(100_000_000, 2_000_000_000), firstName: 'Hopper' };
  const instance = (i: number) => (i % 2 === 0 ? a : b);
  let step = 0;

  /** Posts an update to A or B in turn and waits for the bot's answer in this chat that matches `expected`. */
  async function exchange(update: Record<string, unknown>, expected: RegExp): Promise<FakeCall> {
    const before = fake.calls.length;
    const res = await fetch(`${instance(step++).baseUrl}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET },
      body: JSON.stringify(update),
    });
    expect(res.status).toBe(200);
    const match = (c: FakeCall) =>
      (c.method === 'sendMessage' || c.method === 'editMessageText') &&
      Number(c.body.chat_id) === person.id &&
      expected.test(`${String(c.body.text)} ${JSON.stringify(c.body.reply_markup ?? '')}`);
    await fake.waitFor((calls) => calls.slice(before).some(match), 20_000);
    return fake.calls.slice(before).find(match) as FakeCall;
  }

  const button = (call: FakeCall, label: RegExp): string => {
    const keyboard = call.body.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] };
    const found = keyboard.inline_keyboard.flat().find((x) => label.test(x.text));
    if (!found) throw new Error(`no button ${String(label)} in ${JSON.stringify(call.body)}`);
    return found.callback_data;
  };
  const messageId = (call: FakeCall) => (call.response?.result as { message_id: number }).message_id;

  it('a submission wizard whose every step goes to the other instance completes, once', async () => {
    await db.prisma.chatIdentity.create({
      data: {
        userId: await demoUserId('Uma User'),
        platform: 'TELEGRAM',
        workspaceId: '',
        platformUserId: String(person.id),
        address: { chatId: person.id },
      },
    });
    const phone = `+63917${randomInt(1_000_000, 9_999_999)}`;
    const email = `wizard.${randomUUID().slice(0, 8)}@example.com`;
    secrets.push(phone, email, phone.slice(1));
    await exchange(commandUpdate(person, 'submit'), /name/i);
    await exchange(textUpdate(person, 'Grace Hopper'), /phone/i);
    await exchange(textUpdate(person, phone), /email/i);
    const campaigns = await exchange(textUpdate(person, email), /campaign/i);
    const campaignButton = (campaigns.body.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard
      .flat()
      .map((x) => x.callback_data)[0] as string;
    const askResume = await exchange(callbackUpdate(person, campaignButton, messageId(campaigns)), /resume/i);
    const summary = await exchange(callbackUpdate(person, button(askResume, /skip/i), messageId(askResume)), /confirm/i);
    await exchange(callbackUpdate(person, button(summary, /confirm/i), messageId(summary)), /New Candidate|Previously|Duplicate/);
    expect(await db.prisma.candidate.count({ where: { phone } })).toBe(1);
  });
});

describe('logs of all three processes at LOG_LEVEL=trace', () => {
  it('an invitation sent from chat on B and opened on A leaves no token in any log', async () => {
    const { cookie } = await signIn(b, 'Olivia Owner');
    const invitee = `invitee.${randomUUID().slice(0, 8)}@example.com`;
    secrets.push(invitee);
    const answer = await post(b, cookie, { type: 'text', eventId: randomUUID(), text: `invite ${invitee} recruiter` });
    expect(answer.status).toBe(200);
    // Another invitation, whose token the test knows, opened in the browser on A.
    const known = await services.createInvitation(await demoUserId('Olivia Owner'), {
      email: `known.${randomUUID().slice(0, 8)}@example.com`,
      role: 'RECRUITER',
    });
    secrets.push(known.token, known.email);
    expect((await fetch(`${a.baseUrl}/invite/${known.token}`)).status).toBe(200);
    const opened = await fetch(`${a.baseUrl}/invite/${known.token}/web`, { method: 'POST', redirect: 'manual' });
    expect(opened.status).toBe(303);
    secrets.push(decodeURIComponent((opened.headers.get('set-cookie') ?? '').split(';')[0]?.split('=')[1] ?? ''));
    // The worker sends the chat invitation's mail (logged: no SMTP_URL).
    const deadline = Date.now() + 20_000;
    while (!worker.output().includes('email (no SMTP_URL set)')) {
      if (Date.now() > deadline) throw new Error('the invitation mail was not logged');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  it('hold no phone, email, token, key or secret of any flow above', () => {
    const output = [a, b, worker].map((p) => p.output()).join('\n');
    expect(output).toMatch(/"msg":"http"/); // the debug access log was written: the check below has something to read
    for (const secret of secrets.filter((s) => s.length > 0)) expect(output).not.toContain(secret);
    expect(output).not.toMatch(/\/invite\/[A-Za-z0-9_-]{16,}/);
    expect(output).not.toMatch(/[A-Za-z0-9._%+-]+@example\.com/);
  });
});
