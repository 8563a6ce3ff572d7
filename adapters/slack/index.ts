import { App, ExpressReceiver, type types } from '@slack/bolt';
import { ChannelError, type ChannelAdapter, type SentMessage } from '../../src/engine/channel';
import type { MessageBody, OutboundMessage } from '../../src/engine/messages';
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
import { addressSchema, messageRef, parseFileRef, parseMessageRef, type SlackAddress } from './parse';
import { renderMessage, renderModal, type Block } from './render';
import { createApiFetch } from '../shared/api-fetch';
import { DEFAULT_RETRY_POLICY, realSleep, withRetry, type RetryPolicy, type Sleep } from '../shared/retry';

export type { SlackConfig } from './config';
export { toSlackConfig, EVENTS_PATH, INSTALL_PATH, REDIRECT_PATH, SLASH_COMMAND, BOT_SCOPES, BOT_EVENTS } from './config';
export { mountSlack, type SlackMountDeps } from './mount';
export { createSlackChannel } from './channel';
export { signSlackBody, verifySlackSignature } from './verify';

export interface SlackAdapterOptions {
  config: SlackConfig;
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
}

/** Per-call extras a webhook handler knows and a proactive send does not. */
export interface DeliverOptions {
  /** The workspace's bot token from Bolt's authorization (saves a lookup). */
  token?: string;
  /** From a slash command or button press: a form opens as a modal with it (once; it expires in 3 s). */
  triggerId?: string;
}

/** The Slack channel: the engine's port plus what the webhook route needs. */
export interface SlackAdapter extends ChannelAdapter {
  readonly config: SlackConfig;
  /** Bolt's App: its receiver verifies nothing (mount.ts did), parses, acks and dispatches. */
  readonly app: App;
  readonly receiver: ExpressReceiver;
  /** `send` with a trigger: a form becomes a modal. Returns the message ref (or `view:<id>`). */
  deliver(address: SlackAddress, message: OutboundMessage, options?: DeliverOptions): Promise<SentMessage>;
  /** The user's DM channel with the app (conversations.open), for anything said elsewhere. */
  openDm(teamId: string, userId: string, token?: string): Promise<string>;
  /** views.publish of the Home tab. */
  publishHome(teamId: string, userId: string, view: Block, token?: string): Promise<void>;
  /** The bot token for a workspace: the stored installation's, or SLACK_BOT_TOKEN without OAuth. */
  tokenFor(teamId: string): Promise<string>;
}

/**
 * Retry contract of `send`: a 429 is retried here when its Retry-After is ≤ 5 s (3 tries in all);
 * otherwise it throws ChannelError RATE_LIMITED{retryAfterMs} for the queue to reschedule.
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config } = options;
  const fetchImpl = options.fetch ?? fetch;
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? realSleep;
  const call = <T>(fn: () => Promise<T>) => withRetry(fn, policy, sleep, toChannelError);
  const installations = options.installations;
  if (config.oauth && !installations) throw new Error('Slack OAuth needs an installation store');
  const logger = boltLogger(options.logger);
  const clientOptions = toClientOptions(config, options.apiFetch ?? createApiFetch({ timeoutMs: SLACK_API_TIMEOUT_MS }));

  const receiver = new ExpressReceiver({
    signingSecret: config.signingSecret,
    // mount.ts verifies the signature on the raw bytes before the receiver sees them (verify.ts).
    signatureVerification: false,
    endpoints: EVENTS_PATH,
    // Ack first, then the engine: Slack's 3 s never depend on the database.
    processBeforeResponse: false,
    logger,
    ...(config.oauth && installations
      ? {
          clientId: config.oauth.clientId,
          clientSecret: config.oauth.clientSecret,
          stateSecret: config.oauth.stateSecret,
          scopes: [...BOT_SCOPES],
          redirectUri: `${config.publicUrl}${REDIRECT_PATH}`,
          installationStore: createInstallationStore(installations),
          installerOptions: { installPath: INSTALL_PATH, redirectUriPath: REDIRECT_PATH, directInstall: true, clientOptions },
        }
      : {}),
  });
  // OAuth: Bolt authorizes each request from the installation store; otherwise the one bot token.
  const app = new App({
    receiver,
    ...(config.oauth ? {} : { token: config.botToken }),
    clientOptions,
    logger,
    convoStore: false,
  });

  async function tokenFor(teamId: string): Promise<string> {
    if (!config.oauth) {
      if (config.botToken) return config.botToken;
      throw new ChannelError('UNAUTHORIZED', 'SLACK_BOT_TOKEN is unset');
    }
    const token = botTokenOf(await installations?.find({ teamId }));
    if (!token) throw new ChannelError('UNAUTHORIZED', `Endorse is not installed in Slack workspace ${teamId}`);
    return token;
  }

  async function post(address: SlackAddress, message: OutboundMessage, token: string): Promise<SentMessage> {
    const rendered = renderMessage(message);
    const edit = message.edit ? parseMessageRef(message.edit) : null;
    if (edit) {
      try {
        await call(() => app.client.chat.update({ token, channel: edit.channel, ts: edit.ts, ...rendered }));
        return { messageRef: messageRef(edit.channel, edit.ts) };
      } catch (error) {
        // Too old or deleted: the page arrives as a new message instead.
        if (!(error instanceof ChannelError) || !isEditImpossible(error)) throw error;
      }
    }
    const sent = await call(() =>
      app.client.chat.postMessage({ token, channel: address.channel, ...rendered, unfurl_links: false, unfurl_media: false }),
    );
    return { messageRef: messageRef(sent.channel ?? address.channel, sent.ts ?? '') };
  }

  async function deliver(address: SlackAddress, message: OutboundMessage, opts: DeliverOptions = {}): Promise<SentMessage> {
    const token = opts.token ?? (await tokenFor(address.teamId));
    const body: MessageBody = message.body;
    if (body.type === 'form' && opts.triggerId) {
      const triggerId = opts.triggerId;
      const opened = await call(() =>
        app.client.views.open({
          token,
          trigger_id: triggerId,
          view: renderModal(body, address.channel) as unknown as types.ModalView,
        }),
      );
      return { messageRef: `view:${opened.view?.id ?? ''}` };
    }
    return post(address, message, token);
  }

  return {
    platform: 'SLACK',
    capabilities: { forms: true, editInPlace: true, files: true },
    config,
    app,
    receiver,
    tokenFor,
    deliver,
    async send(address, message) {
      const parsed = addressSchema.safeParse(address);
      if (!parsed.success) throw new ChannelError('INVALID', 'Not a Slack conversation address');
      return deliver(parsed.data, message);
    },
    async downloadFile(ref, maxBytes) {
      const parsed = parseFileRef(ref);
      if (!parsed) throw new ChannelError('NOT_FOUND', 'Slack gave no download URL for that file');
      const token = await tokenFor(parsed.teamId);
      return fetchSlackFile(fetchImpl, parsed.url, token, Math.min(maxBytes, SLACK_FILE_MAX_BYTES));
    },
    async openDm(teamId, userId, token) {
      const t = token ?? (await tokenFor(teamId));
      const opened = await call(() => app.client.conversations.open({ token: t, users: userId }));
      const id = opened.channel?.id;
      if (!id) throw new ChannelError('NOT_FOUND', 'Slack opened no DM channel');
      return id;
    },
    async publishHome(teamId, userId, view, token) {
      const t = token ?? (await tokenFor(teamId));
      await call(() => app.client.views.publish({ token: t, user_id: userId, view: view as unknown as types.HomeView }));
    },
  };
}
