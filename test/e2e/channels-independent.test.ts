import { startApp, type RunningApp } from './support/app';
import { startFakeSlackApi, type FakeSlackApi } from './support/fake-slack-api';
import { startFakeTelegramApi, type FakeTelegramApi } from './support/fake-telegram-api';
import { imMessage, newPerson, postSigned } from './support/slack-payloads';
import { commandUpdate } from './support/telegram-updates';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

/**
 * Issue 16 (break 9), must-show 2: the product starts with Slack's Web API unreachable, next to
 * Telegram, the web chat and the REST API. They serve; readiness names Slack; Slack's webhook
 * answers 503 with Retry-After. The API comes back but refuses the token (invalid_auth): still
 * down, now saying so. The token is accepted: Slack comes up on its own and answers.
 */
const TG_TOKEN = '123456789:AAChannels-test-token_abcdefghijk';
const TG_SECRET = 'channels-telegram-webhook-secret-0123456789';
const SLACK_SECRET = 'channels-slack-signing-secret';
const SLACK_TOKEN = 'xoxb-channels-test';
const TEAM = { id: 'TCHANNELS', name: 'Channels' };

let telegram: FakeTelegramApi;
let slack: FakeSlackApi;
let slackLink: TcpProxy;
let app: RunningApp;

beforeAll(async () => {
  telegram = await startFakeTelegramApi({ token: TG_TOKEN });
  slack = await startFakeSlackApi();
  slackLink = await startTcpProxy({ port: Number(new URL(slack.url).port) });
  slackLink.cut();
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is unset: run through jest (globalSetup).');
  app = await startApp({
    DATABASE_URL: databaseUrl,
    DEMO_SEED: 'off',
    TELEGRAM_BOT_TOKEN: TG_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
    TELEGRAM_API_ROOT: telegram.url,
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_API_URL: slackLink.rewriteUrl(slack.apiUrl),
  });
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await slackLink?.close();
  await slack?.close();
  await telegram?.close();
});

interface Readiness {
  ready: boolean;
  channels: Record<string, { ok: boolean; detail?: string }>;
}

async function readiness(): Promise<{ status: number; body: Readiness }> {
  const res = await fetch(`${app.baseUrl}/readyz`);
  return { status: res.status, body: (await res.json()) as Readiness };
}

/** Polls /readyz until `condition` holds for Slack; bounded by `timeoutMs` (the check backs off up to 30 s). */
async function slackState(condition: (state: { ok: boolean; detail?: string }) => boolean, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await readiness();
    const state = body.channels.SLACK;
    if (state && condition(state)) return state;
    if (Date.now() > deadline) throw new Error(`Slack never reached the state; last ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('Slack unreachable, then refusing the token, then back: the rest serves throughout, Slack comes up on its own', async () => {
  const down = await slackState((s) => !s.ok);
  expect(down.detail).toMatch(/UNREACHABLE/);
  const ready = await readiness();
  expect(ready.status).toBe(200);
  expect(ready.body.ready).toBe(true);
  expect(ready.body.channels.TELEGRAM).toEqual({ ok: true });
  expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);

  // Telegram answers a message.
  const person = { id: 930_000_001, firstName: 'Chan' };
  const tg = await fetch(`${app.baseUrl}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
    body: JSON.stringify(commandUpdate(person, 'help')),
  });
  expect(tg.status).toBe(200);
  await telegram.waitFor((calls) => calls.some((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === person.id));
  // The web chat and the REST API serve.
  expect((await fetch(`${app.baseUrl}/chat`)).status).toBe(200);
  expect((await fetch(`${app.baseUrl}/api/v1/openapi.json`)).status).toBe(200);
  expect((await fetch(`${app.baseUrl}/api/v1/campaigns`)).status).toBe(401);

  // Slack's webhook says when to come back; Slack retries on it.
  const slackPerson = newPerson(TEAM.id, 'Chan Slack');
  const refused = await postSigned(app.baseUrl, imMessage(slackPerson, 'help'), { secret: SLACK_SECRET });
  expect(refused.status).toBe(503);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

  // The API answers again, but not to this token.
  slackLink.restore();
  const refusing = await slackState((s) => !s.ok && /UNAUTHORIZED/.test(s.detail ?? ''));
  expect(refusing.detail).toMatch(/invalid_auth|SLACK_BOT_TOKEN/);

  // The token is good again: Slack comes up without a restart and answers.
  slack.addToken(SLACK_TOKEN, TEAM);
  await slackState((s) => s.ok);
  const served = await postSigned(app.baseUrl, imMessage(slackPerson, 'help'), { secret: SLACK_SECRET });
  expect(served.status).toBe(200);
  await slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.body.channel === slackPerson.dm));
}, 120_000);
