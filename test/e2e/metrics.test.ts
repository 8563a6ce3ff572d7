import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createPostgresDatabase, type OwnDatabase } from '../support/postgres-database';
import { startApp, type RunningApp } from './support/app';
import { startFakeTelegramApi, type FakeCall, type FakeTelegramApi } from './support/fake-telegram-api';
import { callbackUpdate, commandUpdate, documentUpdate, textUpdate, type TelegramPerson } from './support/telegram-updates';

/**
 * Issue 17, must-show 4: GET /metrics (Prometheus text, behind METRICS_TOKEN) scraped before and
 * after a submission through Telegram with a resume: the counters and histograms moved.
 */
jest.setTimeout(120_000);

const TOKEN = '123456789:AAE2e-metrics-token_abcdefghijklmnopq';
const SECRET = 'e2e-metrics-webhook-secret-0123456789';
const METRICS_TOKEN = 'e2e-metrics-scrape-token-0123456789';
const RESUME = readFileSync(path.resolve(__dirname, '../../../shared/fixtures/resumes/rendercv__John_Doe_ClassicTheme_CV.pdf'));

let fake: FakeTelegramApi;
let database: OwnDatabase;
let app: RunningApp;

beforeAll(async () => {
  [fake, database] = await Promise.all([startFakeTelegramApi({ token: TOKEN }), createPostgresDatabase()]);
  app = await startApp({
    DATABASE_URL: database.url,
    DEMO_SEED: 'on',
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: fake.url,
    TELEGRAM_BOT_USERNAME: 'test_bot',
    METRICS_TOKEN,
  });
});
afterAll(async () => {
  await app?.stop();
  await Promise.all([fake?.close(), database?.drop()]);
});

/** Every sample of the exposition text: `name{labels}` → value. */
async function scrape(): Promise<Map<string, number>> {
  const res = await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}
/** The sum of the samples whose name and labels match. */
const sum = (samples: Map<string, number>, pattern: RegExp) =>
  [...samples].filter(([key]) => pattern.test(key)).reduce((total, [, value]) => total + value, 0);

const person: TelegramPerson = { id: randomInt(100_000_000, 2_000_000_000), firstName: 'Metric' };

async function exchange(update: Record<string, unknown>, expected: RegExp): Promise<FakeCall> {
  const before = fake.calls.length;
  const res = await fetch(`${app.baseUrl}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(update),
  });
  expect(res.status).toBe(200);
  const match = (c: FakeCall) =>
    c.method === 'sendMessage' &&
    Number(c.body.chat_id) === person.id &&
    expected.test(`${String(c.body.text)} ${JSON.stringify(c.body.reply_markup ?? '')}`);
  await fake.waitFor((calls) => calls.slice(before).some(match), 20_000);
  return fake.calls.slice(before).find(match) as FakeCall;
}
const buttons = (call: FakeCall) =>
  (call.body.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();
const messageId = (call: FakeCall) => (call.response?.result as { message_id: number }).message_id;

it('asks for the bearer token when METRICS_TOKEN is set', async () => {
  expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(401);
  expect((await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
});

it('moves the inbound, latency, outcome, job, delivery and resume metrics with a submission; Node, pool and queue are there', async () => {
  const uma = app.endorse.demoUsers.find((u) => u.name === 'Uma User');
  if (!uma) throw new Error('demo user missing');
  await app.endorse.database.prisma.chatIdentity.create({
    data: { userId: uma.id, platform: 'TELEGRAM', workspaceId: '', platformUserId: String(person.id), address: { chatId: person.id } },
  });
  const before = await scrape();

  await exchange(commandUpdate(person, 'submit'), /name/i);
  await exchange(textUpdate(person, 'Ada Metrics'), /phone/i);
  await exchange(textUpdate(person, `+63917${randomInt(1_000_000, 9_999_999)}`), /email/i);
  const campaigns = await exchange(textUpdate(person, `metrics.${randomUUID().slice(0, 8)}@example.com`), /campaign/i);
  await exchange(callbackUpdate(person, buttons(campaigns)[0]?.callback_data ?? '', messageId(campaigns)), /resume/i);
  fake.addFile('metrics-cv', RESUME, 'cv.pdf');
  const summary = await exchange(documentUpdate(person, { fileId: 'metrics-cv', name: 'cv.pdf', size: RESUME.length }), /confirm/i);
  const confirm = buttons(summary).find((b) => /confirm/i.test(b.text));
  await exchange(callbackUpdate(person, confirm?.callback_data ?? '', messageId(summary)), /New Candidate/);
  // The new candidate's notifications are delivered by jobs after the answer.
  await app.endorse.queue.idle();
  const after = await scrape();

  const moved = (pattern: RegExp) => sum(after, pattern) - sum(before, pattern);
  expect(moved(/^endorse_inbound_events_total\{platform="TELEGRAM",kind="command"\}/)).toBe(1);
  expect(moved(/^endorse_inbound_events_total\{platform="TELEGRAM",kind="text"\}/)).toBe(3);
  expect(moved(/^endorse_inbound_events_total\{platform="TELEGRAM",kind="action"\}/)).toBe(2);
  expect(moved(/^endorse_reply_latency_seconds_count\{platform="TELEGRAM"\}/)).toBeGreaterThanOrEqual(6);
  expect(moved(/^endorse_reply_latency_seconds_bucket\{le="\+Inf",platform="TELEGRAM"\}/)).toBeGreaterThanOrEqual(6);
  expect(moved(/^endorse_submission_outcomes_total\{outcome="ADDED"\}/)).toBe(1);
  expect(moved(/^endorse_resume_reads_total\{result="ok"\}/)).toBe(1);
  expect(moved(/^endorse_job_duration_seconds_count\{job="resume\.extract",result="ok"\}/)).toBe(1);
  expect(moved(/^endorse_job_duration_seconds_count\{job="notify\.deliver",result="ok"\}/)).toBeGreaterThanOrEqual(1);
  expect(moved(/^endorse_deliveries_total\{.*result="sent"\}/)).toBeGreaterThanOrEqual(1);
  expect(after.has('endorse_queue_jobs{state="waiting"}')).toBe(true);
  expect(sum(after, /^endorse_db_pool_connections\{state="total"\}/)).toBeGreaterThan(0);
  expect(sum(after, /^endorse_process_resident_memory_bytes/)).toBeGreaterThan(0);
  expect(sum(after, /^endorse_nodejs_heap_size_used_bytes/)).toBeGreaterThan(0);
});
