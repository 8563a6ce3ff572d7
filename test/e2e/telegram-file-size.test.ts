import { randomInt } from 'node:crypto';
import { openTestEnv, seedFixture, type Fixture, type TestEnv } from '../support/services';
import { startApp, type RunningApp } from './support/app';
import { startFakeTelegramApi, type FakeTelegramApi } from './support/fake-telegram-api';
import { documentUpdate, type TelegramPerson } from './support/telegram-updates';

/**
 * Issue 16 (break 10): a 30 MB Telegram document whose update claims 1000 bytes is stopped at the
 * 10 MB limit, and the user is told it is too large, not "could not download, send again".
 */
const TOKEN = '123456789:AAFileSize-test-token_abcdefghijk';
const SECRET = 'file-size-telegram-webhook-secret-0123456789';

let fake: FakeTelegramApi;
let app: RunningApp;
let env: TestEnv;
let f: Fixture;

beforeAll(async () => {
  fake = await startFakeTelegramApi({ token: TOKEN });
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is unset: run through jest (globalSetup).');
  app = await startApp({
    DATABASE_URL: databaseUrl,
    DEMO_SEED: 'off',
    WEB_CHAT_ENABLED: 'false',
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: fake.url,
  });
  env = await openTestEnv();
  f = await seedFixture(env);
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await env?.close();
  await fake?.close();
});

test('a document far over the limit that claims to be small: "too large", and nothing kept', async () => {
  const person: TelegramPerson = { id: randomInt(100_000_000, 2_000_000_000), firstName: 'Size' };
  await env.deps.db.chatIdentity.create({
    data: {
      userId: f.userA,
      platform: 'TELEGRAM',
      workspaceId: '',
      platformUserId: String(person.id),
      address: { chatId: person.id },
    },
  });
  const name = `small-${person.id}.pdf`;
  fake.addFile('huge-liar', Buffer.alloc(30 * 1024 * 1024, 0x25), name);
  const res = await fetch(`${app.baseUrl}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(documentUpdate(person, { fileId: 'huge-liar', name, size: 1000 })),
  });
  expect(res.status).toBe(200);
  await fake.waitFor((calls) => calls.some((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === person.id));
  const said = fake.callsOf('sendMessage', person.id).map((c) => String(c.body.text));
  expect(said).toEqual([expect.stringContaining('larger than 10 MB')]);
  expect(await env.deps.db.storedFile.count({ where: { filename: name } })).toBe(0);
}, 60_000);
