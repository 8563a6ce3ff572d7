import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import { ChannelError, type ChannelAdapter, type SentMessage } from '../../src/engine/channel';
import type { OutboundMessage } from '../../src/engine/messages';
import type { Logger } from '../../src/logger';
import { toAuthOptions, type TeamsConfig } from './config';
import { toChannelError } from './errors';
import { downloadTeamsFile } from './files';
import { createConversationLimiter, type ConversationLimiter } from './limiter';
import { addressSchema, parseActivity, type ParsedActivity } from './parse';
import { renderActivity } from './render';
import { authModeOf, classifyAuthFailure, type AuthMode, type AuthOutcome } from './verify';

export type { TeamsConfig } from './config';
export { toTeamsConfig, MESSAGES_PATH } from './config';
export { mountTeams, type TeamsMountDeps } from './mount';
export { createTeamsChannel } from './channel';

export interface TeamsAdapterOptions {
  config: TeamsConfig;
  logger: Logger;
  /** For file downloads; default the global fetch. */
  fetch?: typeof fetch;
  /** Per-conversation send limiter; default 6 msg/s with a burst of 6 (Teams allows 7/s). */
  limiter?: ConversationLimiter;
  /** Waits between 412 retries; tests pass a fast one. */
  sleep?: (ms: number) => Promise<void>;
}

/** The Teams channel: the engine's port plus what the /api/messages route needs. */
export interface TeamsAdapter extends ChannelAdapter {
  readonly config: TeamsConfig;
  readonly authMode: AuthMode;
  /** botbuilder's CloudAdapter: verifies inbound JWTs and owns the Bot Connector clients. */
  readonly cloud: CloudAdapter;
  /**
   * Checks the request's JWT the way CloudAdapter will (same instance, cached keys), so a bad
   * signature is answered 401 here; botbuilder itself would answer 500 to a malformed one.
   */
  authenticate(activity: unknown, authorization: string): Promise<AuthOutcome>;
  /** An activity body → the engine's event (throws a ZodError for a body that is not an activity). */
  parse(body: unknown): ParsedActivity;
  /** Sends (or edits in place) one message inside a turn, through the turn's connector client. */
  reply(context: TurnContext, message: OutboundMessage): Promise<SentMessage>;
}

/** Teams answers 412 when a conversation is briefly locked; botbuilder does not retry that one. */
const PRECONDITION_RETRIES = 2;
const PRECONDITION_BACKOFF_MS = 500;

/**
 * Retry contract of `send` / `reply`: botbuilder's HTTP pipeline retries 429 (after Retry-After)
 * and 5xx (exponential backoff, 3 retries); this adapter adds 412 retries. What still fails is thrown
 * as a ChannelError: RATE_LIMITED{retryAfterMs} / UNREACHABLE for the queue to reschedule, FORBIDDEN
 * (BotNotInConversationRoster: uninstalled) for the caller to mark the identity unreachable.
 */
export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  const { config } = options;
  const authMode = authModeOf(config);
  const auth = new ConfigurationBotFrameworkAuthentication(toAuthOptions(config));
  const cloud = new CloudAdapter(auth);
  const limiter = options.limiter ?? createConversationLimiter();
  const fetchImpl = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function call<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (raw) {
        const error = toChannelError(raw);
        const precondition = (raw as { statusCode?: number } | null)?.statusCode === 412;
        if (!precondition || attempt >= PRECONDITION_RETRIES) throw error;
        await sleep(PRECONDITION_BACKOFF_MS * 2 ** attempt);
      }
    }
  }

  async function deliver(context: TurnContext, message: OutboundMessage): Promise<SentMessage> {
    await limiter.acquire(context.activity.conversation.id);
    const activity = renderActivity(message);
    if (message.edit) {
      const id = message.edit;
      try {
        await call(() => context.updateActivity({ ...activity, id }));
        return { messageRef: id };
      } catch (error) {
        // Deleted or too old to edit: the page arrives as a new message instead.
        if (!(error instanceof ChannelError) || (error.code !== 'NOT_FOUND' && error.code !== 'INVALID')) throw error;
      }
    }
    const sent = await call(() => context.sendActivity(activity));
    return { messageRef: sent?.id ?? '' };
  }

  async function send(address: unknown, message: OutboundMessage): Promise<SentMessage> {
    const parsed = addressSchema.safeParse(address);
    if (!parsed.success) throw new ChannelError('INVALID', 'Not a Teams conversation reference');
    const { conversation, bot, user, ...rest } = parsed.data;
    const account = (a: typeof user) => (a ? { ...a, name: a.name ?? '' } : undefined);
    const reference: Partial<ConversationReference> = {
      ...rest,
      conversation: { isGroup: false, conversationType: 'personal', name: '', ...conversation },
      bot: account(bot),
      user: account(user),
    };
    let sent: SentMessage | undefined;
    try {
      // Local mode has no app id: botbuilder then sends to the reference's serviceUrl without a token.
      await cloud.continueConversationAsync(config.appId ?? '', reference, async (context) => {
        // A proactive message is not a reply to anything: no replyToId (the continuation's id is made up).
        context.onSendActivities(async (_ctx, activities, next) => {
          for (const a of activities) delete a.replyToId;
          return next();
        });
        sent = await deliver(context, message);
      });
    } catch (error) {
      throw toChannelError(error);
    }
    if (!sent) throw new ChannelError('UNREACHABLE', 'Teams: the proactive turn did not run');
    return sent;
  }

  return {
    platform: 'TEAMS',
    capabilities: { forms: true, editInPlace: true, files: true },
    config,
    authMode,
    cloud,
    send,
    reply: deliver,
    downloadFile: (ref, maxBytes) => downloadTeamsFile(fetchImpl, ref, maxBytes),
    parse: parseActivity,
    async authenticate(activity, authorization) {
      if (authMode === 'local') return 'ok';
      try {
        await auth.authenticateRequest(activity as Activity, authorization);
        return 'ok';
      } catch (error) {
        const outcome = classifyAuthFailure(error);
        if (outcome === 'unavailable')
          options.logger.error({ err: (error as Error)?.message }, 'teams: could not verify a token');
        return outcome;
      }
    },
  };
}
