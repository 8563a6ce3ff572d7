import { openDatabase, type Database } from '../../src/db/database';
import { startApp, type RunningApp } from './support/app';
import { startFakeTelegramApi, type FakeTelegramApi } from './support/fake-telegram-api';
import { commandUpdate, type TelegramPerson } from './support/telegram-updates';
import { createPostgresDatabase, type OwnDatabase } from '../support/postgres-database';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

/**
 * Issue 16, at-least-once inbound when an event can be neither handled nor parked: PostgreSQL and
 * Redis both out of reach. Each update is answered 503 with Retry-After (Telegram redelivers on
 * any non-2xx), and once both are back the redeliveries are each answered exactly once; a
 * redelivery of an update already answered is dropped.
 */
const TOKEN = '123456789:AABothDown-test-token_abcdefghijk';
const SECRET = 'both-down-telegram-webhook-secret-0123456789';

let database: OwnDatabase;
let redis: PrivateRedis;
let pgLink: TcpProxy;
let redisLink: TcpProxy;
let fake: FakeTelegramApi;
let app: RunningApp;
let direct: Database;
const person: TelegramPerson = { id: 920_000_001, firstName: 'BothDown' };

beforeAll(async () => {
  database = await createPostgresDatabase('endorse_both_down');
  redis = await startPrivateRedis();
  pgLink = await startTcpProxy({ port: Number(new URL(database.url).port || 5432) });
  redisLink = await startTcpProxy({ port: redis.port });
  fake = await startFakeTelegramApi({ token: TOKEN });
  app = await startApp({
    DATABASE_URL: pgLink.rewriteUrl(database.url),
    REDIS_URL: redisLink.rewriteUrl(redis.url),
    DEMO_SEED: 'on',
    WEB_CHAT_ENABLED: 'false',
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: fake.url,
  });
  direct = await openDatabase({ databaseUrl: database.url, dataDir: '', poolMax: 2 });
  const user = await direct.prisma.user.findFirstOrThrow({ where: { role: 'AGENCY_USER' }, select: { id: true } });
  await direct.prisma.chatIdentity.create({
    data: {
      userId: user.id,
      platform: 'TELEGRAM',
      workspaceId: '',
      platformUserId: String(person.id),
      address: { chatId: person.id },
    },
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await direct?.close();
  await pgLink?.close();
  await redisLink?.close();
  await redis?.stop();
  await fake?.close();
  await database?.drop();
}, 60_000);

const post = (update: unknown) =>
  fetch(`${app.baseUrl}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(update),
    signal: AbortSignal.timeout(10_000),
  });

/** How many answers name `word` ("There is no command “word”"). */
const answersTo = (word: string) =>
  fake.callsOf('sendMessage', person.id).filter((c) => String(c.body.text).includes(`“${word}”`)).length;

test('database and Redis both out of reach: 503 with Retry-After, and each redelivery answered once when they are back', async () => {
  const warm = commandUpdate(person, 'bothwarm');
  expect((await post(warm)).status).toBe(200);
  await fake.waitFor(() => answersTo('bothwarm') === 1);

  pgLink.cut();
  redisLink.cut();
  const words = Array.from({ length: 10 }, (_, i) => `bothdown${i}`);
  const updates = words.map((w) => commandUpdate(person, w));
  const statuses: number[] = [];
  const retryAfter: (string | null)[] = [];
  for (const update of updates) {
    const res = await post(update);
    statuses.push(res.status);
    retryAfter.push(res.headers.get('retry-after'));
  }
  pgLink.restore();
  redisLink.restore();
  // Telegram redelivers the same updates; and once more the one it already had an answer to.
  const redelivered: number[] = [];
  for (const update of [...updates, warm]) redelivered.push((await post(update)).status);
  await fake.waitFor(() => words.every((w) => answersTo(w) >= 1), 30_000);

  const counts = words.map(answersTo);
  const apologies = fake
    .callsOf('sendMessage', person.id)
    .filter((c) => /something went wrong/i.test(String(c.body.text))).length;
  console.log(
    `PostgreSQL and Redis cut: ${updates.length} updates answered ${JSON.stringify(statuses)} (Retry-After ${retryAfter[0]}); ` +
      `redelivered → ${JSON.stringify(redelivered)}; answers per update ${JSON.stringify(counts)}, apologies ${apologies}, warm-up answered ${answersTo('bothwarm')}×`,
  );
  expect(statuses.every((s) => s === 503)).toBe(true);
  expect(retryAfter.every((r) => Number(r) > 0)).toBe(true);
  expect(redelivered.every((s) => s === 200)).toBe(true);
  expect(counts).toEqual(words.map(() => 1));
  expect(apologies).toBe(0);
  expect(answersTo('bothwarm')).toBe(1);
}, 120_000);
