import { WebClient, type ChatUpdateArguments, type ViewsOpenArguments, type ViewsPublishArguments } from '@slack/web-api';
import { ChannelError, type ChannelAdapter, type InboundItem, type SentMessage } from '../../src/engine/channel';
import type { OutboundMessage } from '../../src/engine/messages';
import type { Logger } from '../../src/logger';
import type { SlackInstallations } from '../../src/services/slack-installations';
import {
  BOT_SCOPES,
  EVENTS_PATH,
  INSTALL_PATH,
  REDIRECT_PATH,
  SLACK_API_TIMEOUT_MS,
  SLACK_FILE_MAX_BYTES,
  toClientOptions,
  type SlackConfig,
} from './config';
import { isEditImpossible, toChannelError } from './errors';
import { fetchSlackFile } from './files';
import { botTokenOf, createInstallationStore } from './installation-store';
import { boltLogger } from './logger';
import {
  addressCodec,
  isDm,
  messageRef,
  parseFileRef,
  parseMessageRef,
  parseWebhookBody,
  type PressedMessage,
  type SlackAddress,
} from './parse';
import { renderHomeView, renderMessage, renderModal, spentBlocks } from './render';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySlackSignature } from './verify';
import { createApiFetch } from '../shared/api-fetch';
import { DEFAULT_RETRY_POLICY, realSleep, withRetry, type RetryPolicy, type Sleep } from '../shared/retry';

export interface SlackAdapterDeps {
  logger: Logger;
  /** Where OAuth installations live; required when `config.oauth` is set. */
  installations?: SlackInstallations;
  /** For file downloads; default the global fetch. */
  fetch?: typeof fetch;
  /** For Web API calls; default createApiFetch with SLACK_API_TIMEOUT_MS. */
  apiFetch?: typeof fetch;
  /** Waits between retries; tests pass a recording one. */
  sleep?: Sleep;
  retry?: RetryPolicy;
  /** The clock of the signature's 5-minute window; tests move it. */
  now?: () => number;
}

/** What one Slack request lends to the sends of its replies. */
export interface SlackTurn {
  /** The workspace's bot token, looked up once for all the replies of a request. */
  token?: string;
  /** From a slash command or button press: a form opens as a modal with it (once; it expires in 3 s). */
  triggerId?: string;
  /** The message whose button was pressed: marked answered in place when the reply spends it. */
  pressed?: PressedMessage;
}

/** Events, interactivity and slash commands are small; files arrive as URLs, never as bytes. */
const BODY_LIMIT_BYTES = 1024 * 1024;
/** Slack wants its answer inside 3 s; the runner answers Slack requests before the engine runs. */
const ANSWER_WITHIN_MS = 2_500;

/**
 * The Slack channel: one endpoint for events, interactivity and the slash command, verified on the
 * raw bytes (v0 signature, 5-minute window) and answered at once; Slack's WebClient (@slack/web-api) for the Web API
 * and, with OAuth configured, Bolt's receiver for /slack/install and /slack/oauth_redirect.
 * Retry contract of `send`: a 429 is retried here when its Retry-After is ≤ 5 s (3 tries in all);
 * otherwise it throws ChannelError RATE_LIMITED{retryAfterMs} for the queue to reschedule.
 */
export function createSlackAdapter(config: SlackConfig, deps: SlackAdapterDeps): ChannelAdapter<SlackAddress, SlackTurn> {
  const fetchImpl = deps.fetch ?? fetch;
  const policy = deps.retry ?? DEFAULT_RETRY_POLICY;
  const sleep = deps.sleep ?? realSleep;
  const now = deps.now ?? Date.now;
  const call = <T>(fn: () => Promise<T>) => withRetry(fn, policy, sleep, toChannelError);
  const installations = deps.installations;
  if (config.oauth && !installations) throw new Error('Slack OAuth needs an installation store');
  const clientOptions = toClientOptions(config, deps.apiFetch ?? createApiFetch({ timeoutMs: SLACK_API_TIMEOUT_MS }));
  const client = new WebClient(undefined, clientOptions);

  // OAuth only: Bolt's receiver serves the install page and the redirect; events never reach it.
  // Bolt is loaded only then: with a bot token the Web API client is all Slack needs (~20 MB less).
  const oauth = config.oauth;
  const receiver =
    oauth && installations
      ? import('@slack/bolt').then(
          ({ ExpressReceiver }) =>
            new ExpressReceiver({
              signingSecret: config.signingSecret,
              endpoints: `${EVENTS_PATH}/unused`,
              logger: boltLogger(deps.logger),
              clientId: oauth.clientId,
              clientSecret: oauth.clientSecret,
              stateSecret: oauth.stateSecret,
              scopes: [...BOT_SCOPES],
              redirectUri: `${config.publicUrl}${REDIRECT_PATH}`,
              installationStore: createInstallationStore(installations),
              installerOptions: { installPath: INSTALL_PATH, redirectUriPath: REDIRECT_PATH, directInstall: true, clientOptions },
            }),
        )
      : null;

  async function forget(where: { teamId: string | null; enterpriseId: string | null; isEnterpriseInstall: boolean }) {
    if (!installations) return;
    await installations.remove(where);
    deps.logger.info({ teamId: where.teamId, enterpriseId: where.enterpriseId }, 'slack: app uninstalled; installation removed');
  }

  async function tokenFor(teamId: string): Promise<string> {
    if (!config.oauth) {
      if (config.botToken) return config.botToken;
      throw new ChannelError('UNAUTHORIZED', 'SLACK_BOT_TOKEN is unset');
    }
    const token = botTokenOf(await installations?.find({ teamId }));
    // FORBIDDEN, not a retryable failure: the workspace uninstalled the app, so deliveries to it
    // stop and its people are marked unreachable instead of being retried for hours.
    if (!token) throw new ChannelError('FORBIDDEN', `Endorse is not installed in Slack workspace ${teamId}`);
    return token;
  }

  async function turnToken(teamId: string, turn?: SlackTurn): Promise<string> {
    if (turn?.token) return turn.token;
    const token = await tokenFor(teamId);
    if (turn) turn.token = token;
    return token;
  }

  async function post(address: SlackAddress, message: OutboundMessage, token: string): Promise<SentMessage> {
    const rendered = renderMessage(message);
    const edit = message.edit ? parseMessageRef(message.edit) : null;
    if (edit) {
      try {
        await call(() => client.chat.update({ token, channel: edit.channel, ts: edit.ts, ...rendered }));
        return { messageRef: messageRef(edit.channel, edit.ts) };
      } catch (error) {
        // Too old or deleted: the page arrives as a new message instead.
        if (!(error instanceof ChannelError) || !isEditImpossible(error)) throw error;
      }
    }
    const sent = await call(() =>
      client.chat.postMessage({ token, channel: address.channel, ...rendered, unfurl_links: false, unfurl_media: false }),
    );
    return { messageRef: messageRef(sent.channel ?? address.channel, sent.ts ?? '') };
  }

  /** Best effort: the answer matters more, and a late press of a kept button is answered as stale. */
  async function markAnswered(pressed: PressedMessage, token: string): Promise<void> {
    const at = parseMessageRef(pressed.ref);
    if (!at) return;
    try {
      await call(() =>
        client.chat.update({
          token,
          channel: at.channel,
          ts: at.ts,
          blocks: spentBlocks(pressed.blocks, pressed.label) as unknown as Extract<
            ChatUpdateArguments,
            { blocks: unknown }
          >['blocks'],
        }),
      );
    } catch (error) {
      deps.logger.warn({ err: (error as Error).message }, 'slack: could not mark an answered question');
    }
  }

  async function send(address: SlackAddress, message: OutboundMessage, turn?: SlackTurn): Promise<SentMessage> {
    const token = await turnToken(address.teamId, turn);
    if (address.surface === 'home') {
      const userId = address.userId ?? '';
      await call(() =>
        client.views.publish({
          token,
          user_id: userId,
          view: renderHomeView(message) as unknown as ViewsPublishArguments['view'],
        }),
      );
      return { messageRef: `home:${userId}` };
    }
    if (message.retire && turn?.pressed?.ref === message.retire) await markAnswered(turn.pressed, token);
    const body = message.body;
    const triggerId = turn?.triggerId;
    if (body.type === 'form' && triggerId && turn) {
      turn.triggerId = undefined;
      const opened = await call(() =>
        client.views.open({
          token,
          trigger_id: triggerId,
          view: renderModal(body, address.channel, message.labels) as unknown as ViewsOpenArguments['view'],
        }),
      );
      return { messageRef: `view:${opened.view?.id ?? ''}` };
    }
    return post(address, message, token);
  }

  /** Anything said outside the user's DM with the app (a mention, a command in a channel) is answered in the DM. */
  async function prepare(item: InboundItem<SlackAddress>, turn: SlackTurn): Promise<InboundItem<SlackAddress>> {
    const { address, event } = item;
    if (address.surface === 'home' || isDm(address.channel)) return item;
    const token = await turnToken(address.teamId, turn);
    const opened = await call(() => client.conversations.open({ token, users: event.identity.platformUserId }));
    const dm = opened.channel?.id;
    if (!dm) throw new ChannelError('NOT_FOUND', 'Slack opened no DM channel');
    const inDm: SlackAddress = { teamId: address.teamId, channel: dm, userId: event.identity.platformUserId };
    return { address: inDm, event: { ...event, conversation: { id: dm, address: addressCodec.encode(inDm) } } };
  }

  return {
    platform: 'SLACK',
    capabilities: { forms: true, editInPlace: true, files: true, replies: 'thread' },
    address: addressCodec,
    send,
    async downloadFile(ref, maxBytes) {
      const parsed = parseFileRef(ref);
      if (!parsed) throw new ChannelError('NOT_FOUND', 'Slack gave no download URL for that file');
      const token = await tokenFor(parsed.teamId);
      return fetchSlackFile(fetchImpl, parsed.url, token, Math.min(maxBytes, SLACK_FILE_MAX_BYTES));
    },
    webhooks: [
      {
        path: EVENTS_PATH,
        bodyLimitBytes: BODY_LIMIT_BYTES,
        answerWithinMs: ANSWER_WITHIN_MS,
        verify(req) {
          const verdict = verifySlackSignature({
            signingSecret: config.signingSecret,
            timestamp: req.headers[TIMESTAMP_HEADER],
            signature: req.headers[SIGNATURE_HEADER],
            rawBody: req.rawBody,
            nowMs: now(),
          });
          return verdict === 'ok'
            ? { ok: true }
            : { ok: false, status: 401, reason: `Missing, stale or wrong X-Slack-Signature (${verdict}).` };
        },
        parse(req) {
          const parsed = parseWebhookBody(req.rawBody, req.headers['content-type']);
          if (!parsed) return { ok: false, status: 400, reason: 'The body is not a Slack request.' };
          const { uninstalled } = parsed;
          return {
            ok: true,
            value: {
              items: parsed.item ? [parsed.item] : [],
              turn: {
                ...(parsed.triggerId ? { triggerId: parsed.triggerId } : {}),
                ...(parsed.pressed ? { pressed: parsed.pressed } : {}),
              },
              answer: parsed.answer,
              // Ack first, then the engine: Slack's 3 s never depend on the database.
              answerFirst: true,
              // Its token is dead: the row goes, and sends to the workspace stop (FORBIDDEN below).
              ...(uninstalled ? { alongside: () => forget(uninstalled) } : {}),
            },
          };
        },
        prepare,
      },
    ],
    ...(receiver
      ? { routes: (app) => void app.use((req, res, next) => void receiver.then((r) => r.router(req, res, next), next)) }
      : {}),
    // Slack events carry no locale; the user's is on their profile (needs users:read).
    async userLocale({ workspaceId, platformUserId }) {
      const token = await tokenFor(workspaceId);
      const info = await call(() => client.users.info({ token, user: platformUserId, include_locale: true }));
      return info.user?.locale;
    },
    async check() {
      // One workspace's token: does Slack take it (a revoked one answers invalid_auth)? With OAuth
      // the tokens are per installation, so only whether the Web API answers at all.
      const token = config.oauth ? undefined : config.botToken;
      if (token) await call(() => client.auth.test({ token }));
      else await call(() => client.api.test());
    },
  };
}
