import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createSlackAdapter } from '../../adapters/slack';
import { signSlackBody } from '../../adapters/slack/verify';
import { createTeamsAdapter } from '../../adapters/teams';
import { createTelegramAdapter } from '../../adapters/telegram';
import { createWebChatAdapter } from '../../adapters/web';
import { toWebChatConfig } from '../../adapters/web/config';
import { SESSION_COOKIE, signSession } from '../../adapters/web/verify';
import type { WebEntry } from '../../adapters/web/render';
import { inProcessBroadcast } from '../../src/pubsub/broadcast';
import type { PlatformName } from '../../src/domain/platforms';
import type { ChannelAdapter, StoredAddress } from '../../src/engine/channel';
import { mountChannel, type WebhookRunnerDeps } from '../../src/http/webhook';
import { createLogger } from '../../src/logger';
import type { Services } from '../../src/services';
import { startFakeBotConnector } from '../e2e/support/fake-bot-connector';
import { startFakeSlackApi } from '../e2e/support/fake-slack-api';
import { startFakeTelegramApi } from '../e2e/support/fake-telegram-api';
import { imMessage, newPerson as newSlackPerson } from '../e2e/support/slack-payloads';
import { newPerson as newTeamsPerson, textActivity } from '../e2e/support/teams-activities';
import { textUpdate } from '../e2e/support/telegram-updates';

/** One HTTP request to the app, as the platform would send it. */
export interface WireRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** What the contract suite needs of a platform: its wire format, its fake API, its identities. */
export interface Driver {
  name: string;
  platform: PlatformName;
  /** False for the web chat: its "platform" is our own page, which never refuses or throttles a send. */
  platformApi: boolean;
  /** Starts the fake platform API and the adapter under test behind the one webhook runner. */
  start(runner: Omit<WebhookRunnerDeps, 'logger'>, options: { answerWithinMs: number }): Promise<StartedChannel>;
}

export interface StartedChannel {
  adapter: ChannelAdapter;
  /** Where the webhooks are served. */
  url: string;
  /** A new person on the platform, with the identity and address the product stores for them. */
  person(): Person;
  /** Anything the platform needs before a person can post (the web chat: a server-side session). */
  prepare?(person: Person): Promise<void>;
  /** A text message from `person`, signed as the platform signs it; the same `key` gives the same platform id. */
  text(person: Person, text: string): WireRequest;
  /** The same request with a signature (or session) that is not ours. */
  forged(request: WireRequest): WireRequest;
  /** A correctly signed request whose body is not the platform's at all. */
  garbage(person: Person): WireRequest;
  /** The texts the platform was asked to show `person`, in the order they were sent. */
  received(person: Person): string[];
  /** The next sends to `person` fail at the platform (only where `platformApi`). */
  failNextSend(person: Person, failure: SendFailure): void;
  /** When the platform got each send to `person` (failed tries included). */
  attempts(person: Person): number[];
  close(): Promise<void>;
}

export type SendFailure = { status: 403 } | { status: 429; retryAfterSeconds: number } | { status: 500; times: number };

export interface Person {
  identity: { workspaceId: string; platformUserId: string };
  address: StoredAddress;
  /** Platform-specific handle (chat id, Slack person, Teams person, web session). */
  handle: unknown;
}

const logger = createLogger('silent');

async function listen(app: express.Express): Promise<{ url: string; close(): Promise<void> }> {
  const server = app.listen(0);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function serve(adapter: ChannelAdapter, runner: Omit<WebhookRunnerDeps, 'logger'>) {
  const app = express();
  mountChannel(adapter, { ...runner, logger })(app);
  return listen(app);
}

const textOf = (body: Record<string, unknown>): string => String(body.text ?? '');

export const telegram: Driver = {
  name: 'telegram',
  platform: 'TELEGRAM',
  platformApi: true,
  async start(runner, { answerWithinMs }) {
    const token = `7${Math.floor(Math.random() * 1e8)}:contract-${randomUUID().slice(0, 8)}`;
    const secret = `contract_${randomUUID().replace(/-/g, '')}`;
    const fake = await startFakeTelegramApi({ token });
    const adapter = createTelegramAdapter(
      { token, webhookSecret: secret, apiRoot: fake.url, botUsername: 'contract_bot', publicUrl: 'http://127.0.0.1' },
      { logger, answerWithinMs },
    );
    const server = await serve(adapter, runner);
    let nextId = 900_000_000 + Math.floor(Math.random() * 90_000_000);
    const chatOf = (p: Person) => p.handle as number;
    const request = (body: unknown, headerSecret = secret): WireRequest => ({
      path: '/telegram/webhook',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': headerSecret },
      body: JSON.stringify(body),
    });
    return {
      adapter,
      url: server.url,
      person() {
        const id = nextId++;
        return { identity: { workspaceId: '', platformUserId: String(id) }, address: { chatId: id }, handle: id };
      },
      text: (p, text) => request(textUpdate({ id: chatOf(p), firstName: 'Contract' }, text)),
      forged: (r) => ({ ...r, headers: { ...r.headers, 'x-telegram-bot-api-secret-token': `${secret}x` } }),
      garbage: () => request({ hello: 'not an update' }),
      received: (p) =>
        fake
          .callsOf('sendMessage', chatOf(p))
          .filter((c) => c.response?.ok)
          .map((c) => textOf(c.body)),
      failNextSend: (p, failure) =>
        failure.status === 500
          ? fake.failNext('sendMessage', { status: 500, chatId: chatOf(p) }, failure.times)
          : fake.failNext('sendMessage', { ...failure, chatId: chatOf(p) }),
      attempts: (p) => fake.callsOf('sendMessage', chatOf(p)).map((c) => c.at),
      async close() {
        await server.close();
        await fake.close();
      },
    };
  },
};

export const slack: Driver = {
  name: 'slack',
  platform: 'SLACK',
  platformApi: true,
  async start(runner) {
    const fake = await startFakeSlackApi();
    const team = { id: `T${randomUUID().slice(0, 8).toUpperCase()}`, name: 'Contract' };
    const token = `xoxb-contract-${randomUUID().slice(0, 8)}`;
    fake.addToken(token, team);
    const signingSecret = `contract-${randomUUID()}`;
    // Slack answers first whatever happens; there is no deadline to configure.
    const adapter = createSlackAdapter(
      { signingSecret, botToken: token, oauth: null, apiUrl: fake.apiUrl, publicUrl: 'http://127.0.0.1' },
      { logger },
    );
    const server = await serve(adapter, runner);
    const dmOf = (p: Person) => (p.handle as ReturnType<typeof newSlackPerson>).dm;
    const sign = (body: string, contentType: string, secret = signingSecret): WireRequest => {
      const ts = String(Math.floor(Date.now() / 1000));
      return {
        path: '/slack/events',
        headers: {
          'content-type': contentType,
          'x-slack-request-timestamp': ts,
          'x-slack-signature': signSlackBody(secret, ts, body),
        },
        body,
      };
    };
    const posts = (p: Person) => fake.callsOf('chat.postMessage', dmOf(p));
    return {
      adapter,
      url: server.url,
      person() {
        const p = newSlackPerson(team.id, 'Contract Person');
        return {
          identity: { workspaceId: team.id, platformUserId: p.userId },
          address: { teamId: team.id, channel: p.dm, userId: p.userId },
          handle: p,
        };
      },
      text(p, text) {
        const req = imMessage(p.handle as ReturnType<typeof newSlackPerson>, text);
        return sign(req.body, req.contentType);
      },
      forged: (r) => ({
        ...r,
        headers: {
          ...r.headers,
          'x-slack-signature': signSlackBody('not-our-secret', r.headers['x-slack-request-timestamp'] ?? '', r.body),
        },
      }),
      garbage: () => sign('{"this is": "not slack"', 'application/json'),
      received: (p) =>
        posts(p)
          .filter((c) => c.response?.ok === true)
          .map((c) => textOf(c.body)),
      failNextSend: (p, failure) =>
        failure.status === 403
          ? fake.failNext('chat.postMessage', { status: 200, error: 'cannot_dm_bot', channel: dmOf(p) })
          : failure.status === 500
            ? fake.failNext('chat.postMessage', { status: 500, channel: dmOf(p) }, failure.times)
            : fake.failNext('chat.postMessage', { ...failure, channel: dmOf(p) }),
      attempts: (p) => posts(p).map((c) => c.at),
      async close() {
        await server.close();
        await fake.close();
      },
    };
  },
};

export const teams: Driver = {
  name: 'teams',
  platform: 'TEAMS',
  platformApi: true,
  async start(runner, { answerWithinMs }) {
    const fake = await startFakeBotConnector();
    const appId = randomUUID();
    // JWT mode, with the fake publishing the signing keys: botbuilder's real check runs. Replies in
    // JWT mode need a token from Entra ID, which this machine cannot reach; the fake connector
    // accepts the local mode's unauthenticated sends, so a second adapter in local mode sends.
    const base = { appPassword: null, appTenantId: null, appType: 'MultiTenant' as const, nodeEnv: 'test' as const };
    const secured = createTeamsAdapter(
      { ...base, appId, appPassword: 'contract', openIdMetadataUrl: fake.openIdMetadataUrl },
      { logger, answerWithinMs },
    );
    const local = createTeamsAdapter({ ...base, appId: null, openIdMetadataUrl: null }, { logger, answerWithinMs });
    const adapter: ChannelAdapter = { ...local, webhooks: secured.webhooks };
    const server = await serve(adapter, runner);
    const tenant = randomUUID();
    const personOf = (p: Person) => p.handle as ReturnType<typeof newTeamsPerson>;
    const sent = (p: Person) => fake.callsTo(personOf(p).conversationId).filter((c) => c.method === 'POST');
    return {
      adapter,
      url: server.url,
      person() {
        const p = newTeamsPerson(tenant, 'Contract Person');
        const activity = textActivity(p, fake.serviceUrl, 'hello');
        return {
          identity: { workspaceId: tenant, platformUserId: p.aadObjectId },
          address: {
            serviceUrl: fake.serviceUrl,
            channelId: String(activity.channelId ?? 'msteams'),
            conversation: { id: p.conversationId, conversationType: 'personal', tenantId: tenant },
            user: { id: p.id, name: p.name, aadObjectId: p.aadObjectId },
          },
          handle: p,
        };
      },
      text: (p, text) => ({
        path: '/api/messages',
        headers: {
          'content-type': 'application/json',
          authorization: fake.signToken({ aud: appId, serviceurl: fake.serviceUrl }),
        },
        body: JSON.stringify(textActivity(personOf(p), fake.serviceUrl, text)),
      }),
      forged: (r) => ({
        ...r,
        headers: { ...r.headers, authorization: `${(r.headers.authorization ?? '').slice(0, -8)}AAAAAAAA` },
      }),
      garbage: () => ({
        path: '/api/messages',
        headers: {
          'content-type': 'application/json',
          authorization: fake.signToken({ aud: appId, serviceurl: fake.serviceUrl }),
        },
        body: '{"type": 42}',
      }),
      received: (p) =>
        sent(p)
          .filter((c) => c.status < 300)
          .map((c) => textOf(c.body)),
      failNextSend: (_p, failure) =>
        failure.status === 500 ? fake.failNext('POST', { status: 500 }, failure.times) : fake.failNext('POST', failure),
      attempts: (p) => sent(p).map((c) => c.at),
      async close() {
        await server.close();
        await fake.close();
      },
    };
  },
};

export function web(services: Services): Driver {
  return {
    name: 'web',
    platform: 'WEB',
    platformApi: false,
    async start(runner, { answerWithinMs }) {
      const config = toWebChatConfig(
        { sessionSecret: `contract-${randomUUID()}`, publicUrl: 'http://127.0.0.1' },
        () => 'unused',
      );
      const adapter = createWebChatAdapter(config, { logger, services, answerWithinMs, broadcast: inProcessBroadcast() });
      await adapter.hub.listen();
      const server = await serve(adapter, runner);
      // What each person's open page was pushed, edits replacing in place (as the page does).
      const pages = new Map<string, WebEntry[]>();
      const sessionOf = (p: Person) => p.handle as string;
      const cookie = (sessionId: string, secret = config.sessionSecret) =>
        `${SESSION_COOKIE}=${encodeURIComponent(signSession(sessionId, Date.now() + 60_000, secret))}`;
      const request = (p: Person, body: string): WireRequest => ({
        path: '/chat/api/events',
        headers: { 'content-type': 'application/json', cookie: cookie(sessionOf(p)) },
        body,
      });
      return {
        adapter,
        url: server.url,
        person() {
          const sessionId = `contract${randomUUID().replace(/-/g, '')}`;
          const page: WebEntry[] = [];
          pages.set(sessionId, page);
          adapter.hub.subscribe(sessionId, {
            push: (entry) => {
              const at = page.findIndex((e) => e.id === entry.id);
              if (at >= 0) page[at] = entry;
              else page.push(entry);
            },
            end: () => undefined,
          });
          return { identity: { workspaceId: '', platformUserId: sessionId }, address: { sessionId }, handle: sessionId };
        },
        prepare: (p) => services.openWebSession({ sessionId: sessionOf(p), ttlMs: 60_000 }),
        text: (p, text) => request(p, JSON.stringify({ type: 'text', eventId: randomUUID(), text })),
        forged: (r) => ({
          ...r,
          headers: {
            ...r.headers,
            cookie: `${SESSION_COOKIE}=${encodeURIComponent(signSession('forgedsession0000000', Date.now() + 60_000, 'not-our-secret'))}`,
          },
        }),
        garbage: (p) => request(p, '{"type": "text", "eventId": '),
        received: (p) =>
          (pages.get(sessionOf(p)) ?? [])
            .filter((e) => e.from === 'bot')
            .map((e) => ('text' in e.view ? String(e.view.text) : JSON.stringify(e.view))),
        failNextSend: () => {
          throw new Error('the web chat has no platform API to fail');
        },
        attempts: () => [],
        close: () => server.close(),
      };
    },
  };
}
