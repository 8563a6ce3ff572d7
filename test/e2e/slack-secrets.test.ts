import { randomBytes, randomUUID } from 'node:crypto';
import { createSlackAdapter } from '../../adapters/slack';
import { toSlackConfig } from '../../adapters/slack/config';
import { loadConfig } from '../../src/config';
import { outboundMessageSchema } from '../../src/engine/messages';
import { createLogger } from '../../src/logger';
import { createSecretBox, type SecretKey } from '../../src/secrets/secret-box';
import { createSlackInstallations } from '../../src/services/slack-installations';
import { openTestEnv, type TestEnv } from '../support/services';
import { startApp, type RunningApp } from './support/app';
import { startFakeSlackApi, type FakeSlackApi, type FakeTeam } from './support/fake-slack-api';
import { postSigned } from './support/slack-payloads';

/**
 * Issue 17, must-show 3: Slack bot tokens are sealed at rest (AES-256-GCM under SECRET_KEYS, the
 * key id beside each value), survive a key rotation, and an uninstall removes the installation
 * and stops sends to the workspace.
 */
jest.setTimeout(120_000);

const SIGNING_SECRET = 'e2e-slack-secrets-signing-secret-0123456789';
const k1: SecretKey = { id: 'k1', key: randomBytes(32) };
const k2: SecretKey = { id: 'k2', key: randomBytes(32) };
const keysEnv = (...keys: SecretKey[]) => keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');
const team = (): FakeTeam => ({ id: `TSEAL${randomUUID().slice(0, 6).toUpperCase()}`, name: 'Sealed workspace' });

let fake: FakeSlackApi;
let app: RunningApp;
let env: TestEnv;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is unset: run through jest (globalSetup).');
  app = await startApp({
    DATABASE_URL: databaseUrl,
    DEMO_SEED: 'off',
    WEB_CHAT_ENABLED: 'false',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_CLIENT_ID: '1111.3333',
    SLACK_CLIENT_SECRET: 'e2e-client-secret',
    SLACK_STATE_SECRET: 'e2e-state-secret-0123456789',
    SLACK_API_URL: fake.apiUrl,
    SECRET_KEYS: keysEnv(k1),
  });
  env = await openTestEnv();
});

afterAll(async () => {
  await app?.stop();
  await env?.close();
  await fake?.close();
});

async function install(t: FakeTeam): Promise<void> {
  const start = await fetch(`${app.baseUrl}/slack/install`, { redirect: 'manual' });
  const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const code = `code-${randomUUID()}`;
  fake.addInstallCode(code, t);
  const done = await fetch(`${app.baseUrl}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });
  expect(done.status).toBe(200);
}

const rawRow = (t: FakeTeam) =>
  env.deps.db.slackInstallation.findUniqueOrThrow({ where: { installationKey: `T:${t.id}` }, select: { data: true } });
const tokenOf = (data: unknown) => (data as { bot?: { token?: string } } | null)?.bot?.token;

it('stores the bot token sealed: the row does not hold it, the key id sits beside it, the app still reads it', async () => {
  const t = team();
  await install(t);
  const raw = JSON.stringify((await rawRow(t)).data);
  expect(raw).not.toMatch(/xox[bp]-/);
  expect((await rawRow(t)).data).toMatchObject({ sealed: { alg: 'aes-256-gcm', kid: 'k1' } });
  const read = createSlackInstallations({ db: env.deps.db, secrets: createSecretBox([k1]) });
  expect(tokenOf(await read.find({ teamId: t.id }))).toMatch(new RegExp(`^xoxb-${t.id}-`));
  // Without the key the value is useless.
  await expect(createSlackInstallations({ db: env.deps.db }).find({ teamId: t.id })).rejects.toThrow(/SECRET_KEYS/);
});

it('survives a key rotation: re-sealed under the new key, readable with it alone, and not with the old one', async () => {
  const t = team();
  await install(t);
  const before = tokenOf(await createSlackInstallations({ db: env.deps.db, secrets: createSecretBox([k1]) }).find({ teamId: t.id }));
  // The rotation: the new key first, the old one kept to open what it sealed; then re-seal.
  const rotating = createSlackInstallations({ db: env.deps.db, secrets: createSecretBox([k2, k1]) });
  const { resealed } = await rotating.reseal();
  expect(resealed).toBeGreaterThanOrEqual(1);
  expect((await rawRow(t)).data).toMatchObject({ sealed: { kid: 'k2' } });
  const afterwards = createSlackInstallations({ db: env.deps.db, secrets: createSecretBox([k2]) });
  expect(tokenOf(await afterwards.find({ teamId: t.id }))).toBe(before);
  await expect(createSlackInstallations({ db: env.deps.db, secrets: createSecretBox([k1]) }).find({ teamId: t.id })).rejects.toThrow(
    /"k2"/,
  );
  // Put back under k1, for the app (which holds only k1) in the other tests.
  await createSlackInstallations({ db: env.deps.db, secrets: createSecretBox([k1, k2]) }).reseal();
});

it('app_uninstalled removes the installation, and a send to that workspace stops as FORBIDDEN', async () => {
  const t = team();
  await install(t);
  const event = {
    token: 'unused',
    team_id: t.id,
    api_app_id: 'A0SEALED',
    event: { type: 'app_uninstalled', event_ts: `${Math.floor(Date.now() / 1000)}.000100` },
    type: 'event_callback',
    event_id: `Ev${randomUUID().slice(0, 10)}`,
    event_time: Math.floor(Date.now() / 1000),
  };
  const res = await postSigned(app.baseUrl, { body: JSON.stringify(event), contentType: 'application/json' }, { secret: SIGNING_SECRET });
  expect(res.status).toBe(200);
  const deadline = Date.now() + 10_000;
  while ((await env.deps.db.slackInstallation.count({ where: { installationKey: `T:${t.id}` } })) > 0) {
    if (Date.now() > deadline) throw new Error('the installation was not removed');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const slack = toSlackConfig(
    loadConfig({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_CLIENT_ID: '1111.3333',
      SLACK_CLIENT_SECRET: 'x',
      SLACK_STATE_SECRET: 'y',
      SLACK_API_URL: fake.apiUrl,
    }),
  );
  if (!slack) throw new Error('no Slack config');
  const adapter = createSlackAdapter(slack, {
    logger: createLogger('silent'),
    installations: createSlackInstallations({ db: env.deps.db, secrets: createSecretBox([k1]) }),
  });
  const before = fake.calls.length;
  await expect(
    adapter.send({ teamId: t.id, channel: 'D0GONE', userId: 'U0GONE' }, outboundMessageSchema.parse({ body: { type: 'text', text: 'hello?' } })),
  ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  expect(fake.calls.slice(before).filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
});

it('refuses to start in production with Slack OAuth and no SECRET_KEYS, naming the variable', () => {
  expect(() =>
    loadConfig({
      NODE_ENV: 'production',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_CLIENT_ID: '1111.3333',
      SLACK_CLIENT_SECRET: 'x',
      SLACK_STATE_SECRET: 'y',
    }),
  ).toThrow(/SECRET_KEYS/);
});
