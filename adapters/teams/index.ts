import type {
  Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationReference,
  TurnContext,
} from 'botbuilder';
import {
  ChannelError,
  type ChannelAdapter,
  type SentMessage,
  type VerifyResult,
  type WebhookRequest,
} from '../../src/engine/channel';
import { ZodError } from 'zod';
import type { OutboundMessage } from '../../src/engine/messages';
import type { Logger } from '../../src/logger';
import { MESSAGES_PATH, toAuthOptions, type TeamsConfig } from './config';
import { toChannelError } from './errors';
import { downloadTeamsFile } from './files';
import { createConversationLimiter, type ConversationLimiter } from './limiter';
import { activitySchema, addressCodec, parseActivity, type TeamsAddress } from './parse';
import { ADAPTIVE_CARD_CONTENT_TYPE, renderActivity, renderCard } from './render';
import { authModeOf, classifyAuthFailure, hasBearerToken } from './verify';

export interface TeamsAdapterDeps {
  logger: Logger;
  /** For file downloads; default the global fetch. */
  fetch?: typeof fetch;
  /** Per-conversation send limiter; default 6 msg/s with a burst of 6 (Teams allows 7/s). */
  limiter?: ConversationLimiter;
  /** Waits between 412 retries; tests pass a fast one. */
  sleep?: (ms: number) => Promise<void>;
  /** The activity is answered when handled or after this long (default 10 s, inside Teams' 15 s). */
  answerWithinMs?: number;
}

/** What one inbound activity lends to the sends of its replies. */
export interface TeamsTurn {
  /** The activity answered: direct replies carry it as replyToId. */
  activityId?: string;
  /** An invoke (adaptiveCard/action) is answered in the HTTP response itself. */
  invoke: boolean;
  /** The card whose button was pressed; an edit of it becomes the invoke's answer. */
  sourceMessageRef?: string;
  /** The card that replaces the pressed one, once a reply edits it. */
  invokeCard?: unknown;
  /** Set when the HTTP answer went out at the deadline: later edits are real updates. */
  answered?: boolean;
}

/** Teams answers 412 when a conversation is briefly locked; botbuilder does not retry that one. */
const PRECONDITION_RETRIES = 2;
const PRECONDITION_BACKOFF_MS = 500;
/** An activity is small; files arrive as download links, never as bytes. */
const BODY_LIMIT_BYTES = 512 * 1024;
/** Teams gives a bot 15 s to answer; an invoke's answer must be inside that, so we answer by 10 s. */
const ANSWER_WITHIN_MS = 10_000;
/** The invoke answer Teams shows when the pressed card is not replaced. */
const INVOKE_DONE = { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'OK' };

/**
 * The Teams channel (botbuilder's CloudAdapter for JWT checks and the Bot Connector clients).
 * Retry contract of `send`: botbuilder's HTTP pipeline retries 429 (after Retry-After) and 5xx
 * (exponential backoff, 3 retries); this adapter adds 412 retries. What still fails is thrown as a
 * ChannelError: RATE_LIMITED{retryAfterMs} / UNREACHABLE for the queue to reschedule, FORBIDDEN
 * (BotNotInConversationRoster: uninstalled) for the caller to mark the identity unreachable.
 */
export function createTeamsAdapter(config: TeamsConfig, deps: TeamsAdapterDeps): ChannelAdapter<TeamsAddress, TeamsTurn> {
  const authMode = authModeOf(config);
  // botbuilder and its Azure clients cost about 45 MB: loaded with the first activity or send,
  // not by a process that never hears from Teams. The options are checked now (toAuthOptions).
  const authOptions = toAuthOptions(config);
  let botFramework: Promise<{ auth: ConfigurationBotFrameworkAuthentication; cloud: CloudAdapter }> | null = null;
  const connect = () =>
    (botFramework ??= import('botbuilder').then((sdk) => {
      const auth = new sdk.ConfigurationBotFrameworkAuthentication(authOptions);
      return { auth, cloud: new sdk.CloudAdapter(auth) };
    }));
  const limiter = deps.limiter ?? createConversationLimiter();
  const fetchImpl = deps.fetch ?? fetch;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  if (authMode === 'local')
    deps.logger.warn(
      "TEAMS: MICROSOFT_APP_ID is unset, so /api/messages runs in the Bot Framework Emulator's UNAUTHENTICATED local mode: anyone who can reach it can act as any Teams user. Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD before exposing it.",
    );
  // verify and parse both read the activity; it is parsed from the bytes once per request.
  const bodies = new WeakMap<Buffer, unknown>();
  const jsonOf = (raw: Buffer): unknown => {
    if (!bodies.has(raw)) {
      let value: unknown;
      try {
        value = JSON.parse(raw.toString('utf8'));
      } catch {
        value = undefined;
      }
      bodies.set(raw, value);
    }
    return bodies.get(raw);
  };

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

  async function send(address: TeamsAddress, message: OutboundMessage, turn?: TeamsTurn): Promise<SentMessage> {
    // Universal Actions: the pressed card is replaced by the invoke's answer itself.
    if (
      turn?.invoke &&
      !turn.answered &&
      message.edit &&
      message.edit === turn.sourceMessageRef &&
      turn.invokeCard === undefined
    ) {
      turn.invokeCard = renderCard(message.body);
      return { messageRef: message.edit };
    }
    const { conversation, bot, user, ...rest } = address;
    const account = (a: typeof user) => (a ? { ...a, name: a.name ?? '' } : undefined);
    const reference: Partial<ConversationReference> = {
      ...rest,
      conversation: { isGroup: false, conversationType: 'personal', name: '', ...conversation },
      bot: account(bot),
      user: account(user),
      // A direct reply answers its activity; a proactive message answers nothing.
      ...(turn?.activityId ? { activityId: turn.activityId } : {}),
    };
    let sent: SentMessage | undefined;
    try {
      // Local mode has no app id: botbuilder then sends to the reference's serviceUrl without a token.
      const { cloud } = await connect();
      await cloud.continueConversationAsync(config.appId ?? '', reference, async (context) => {
        // The continuation's own activity id is made up: a direct reply answers the user's activity,
        // a proactive message answers nothing.
        const replyToId = turn?.activityId;
        context.onSendActivities(async (_ctx, activities, next) => {
          for (const a of activities) {
            if (replyToId) a.replyToId = replyToId;
            else delete a.replyToId;
          }
          return next();
        });
        sent = await deliver(context, message);
      });
    } catch (error) {
      throw toChannelError(error);
    }
    if (!sent) throw new ChannelError('UNREACHABLE', 'Teams: the turn did not run');
    return sent;
  }

  async function verify(req: WebhookRequest): Promise<VerifyResult> {
    if (authMode === 'local') return { ok: true };
    const authorization = req.headers.authorization;
    if (!hasBearerToken(authorization)) return { ok: false, status: 401, reason: 'A Bot Framework bearer token is required.' };
    const activity = jsonOf(req.rawBody);
    // Not an activity: there is nothing to check the token against; parse answers 400 and nothing runs.
    if (!activitySchema.safeParse(activity).success) return { ok: true };
    try {
      const { auth } = await connect();
      await auth.authenticateRequest(activity as Activity, authorization ?? '');
      return { ok: true };
    } catch (error) {
      const outcome = classifyAuthFailure(error);
      if (outcome === 'unavailable') {
        deps.logger.error({ err: (error as Error)?.message }, 'teams: could not verify a token');
        return { ok: false, status: 503, reason: 'The Bot Framework token could not be verified now; retry.' };
      }
      return { ok: false, status: 401, reason: 'The Bot Framework token could not be verified.' };
    }
  }

  return {
    platform: 'TEAMS',
    capabilities: { forms: true, editInPlace: true, files: true, replies: 'quote' },
    address: addressCodec,
    send,
    downloadFile: (ref, maxBytes) => downloadTeamsFile(fetchImpl, ref, maxBytes),
    webhooks: [
      {
        path: MESSAGES_PATH,
        bodyLimitBytes: BODY_LIMIT_BYTES,
        answerWithinMs: deps.answerWithinMs ?? ANSWER_WITHIN_MS,
        verify,
        parse(req) {
          const body = jsonOf(req.rawBody);
          const parsed = body === undefined ? null : safeParse(body);
          if (!parsed) return { ok: false, status: 400, reason: 'The body is not a Bot Framework activity.' };
          const turn: TeamsTurn = {
            invoke: parsed.invoke,
            ...(parsed.activityId ? { activityId: parsed.activityId } : {}),
            ...(parsed.sourceMessageRef ? { sourceMessageRef: parsed.sourceMessageRef } : {}),
          };
          const answer = parsed.invoke ? invokeAnswer(undefined) : { status: 200 };
          return { ok: true, value: { items: parsed.item ? [parsed.item] : [], turn, answer } };
        },
        answerAfter: (turn) => (turn.invoke ? invokeAnswer(turn.invokeCard) : { status: 200 }),
        answeredEarly: (turn) => void (turn.answered = true),
      },
    ],
  };
}

function safeParse(body: unknown) {
  try {
    return parseActivity(body);
  } catch (error) {
    if (error instanceof ZodError) return null;
    throw error;
  }
}

/** An invoke's HTTP answer: the replacing card, or "done" when no reply replaced the pressed one. */
function invokeAnswer(card: unknown) {
  return {
    status: 200,
    body: card === undefined ? INVOKE_DONE : { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card },
  };
}
