import { randomUUID } from 'node:crypto';
import type { ChannelAdapter, ParseResult, SentMessage, WebhookRequest } from '../../src/engine/channel';
import type { OutboundMessage } from '../../src/engine/messages';
import type { Logger } from '../../src/logger';
import type { DemoUser } from '../../src/demo/seed';
import { isTokenShaped, renderBadInvitePage, INVITE_PAGE_HEADERS } from '../../src/http/invite-page';
import type { WebChatConfig } from './config';
import type { WebChatServices } from './deps';
import type { Broadcast } from '../../src/pubsub/broadcast';
import type { FileRef } from '../../src/engine/messages';
import { notSignedIn, toChannelError, WebChatError } from './errors';
import { SessionHub } from './hub';
import { t } from '../../src/i18n';
import { languageFromAcceptLanguage } from '../../src/i18n/accept-language';
import { addressCodec, eventBodySchema, localeFromAcceptLanguage, parseEvent, startCommandEvent, type WebAddress } from './parse';
import { renderMessage, type WebEntry } from './render';
import { mountWebChatRoutes } from './routes';
import { liveSessionOf, newSessionId, setSessionCookie } from './session';

export type { WebChatServices } from './deps';

export interface WebChatAdapterDeps {
  logger: Logger;
  services: WebChatServices;
  /** Carries live entries to the instance holding the page's stream (Redis, or in-process). */
  broadcast: Broadcast;
  /** Non-empty only on the demo database: enables "Sign in as". */
  demoUsers?: readonly DemoUser[];
  now?: () => Date;
  /** An event is answered with its replies, or after this long without them (they reach the stream). Default 25 s. */
  answerWithinMs?: number;
}

/** What one web chat request collects: the entries its replies became, for the HTTP answer. */
export interface WebTurn {
  entries: WebEntry[];
}

/** The web chat as a channel, plus what its routes and tests reach (open streams). */
export interface WebChatAdapter extends ChannelAdapter<WebAddress, WebTurn> {
  readonly config: WebChatConfig;
  readonly hub: SessionHub;
}

/** What every web chat answer carries (the routes under /chat set the same). */
const ANSWER_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };

/** The page posts one event at a time and waits for the answer; the replies also reach the stream. */
const EVENT_ANSWER_WITHIN_MS = 25_000;
const EVENT_BODY_LIMIT_BYTES = 64 * 1024;
/** The invitation button posts an empty form. */
const INVITE_BODY_LIMIT_BYTES = 4 * 1024;

/**
 * The built-in web chat (DESIGN §4): a page at /chat, events posted to /chat/api/events and
 * answered with the replies, a server-sent event stream for what comes later (notifications,
 * resume results), and the invitation link's "Open the web chat" button.
 */
export function createWebChatAdapter(config: WebChatConfig, deps: WebChatAdapterDeps): WebChatAdapter {
  const now = deps.now ?? (() => new Date());
  const nowMs = () => now().getTime();
  const { services } = deps;
  const hub = new SessionHub(deps.broadcast, (error) =>
    deps.logger.warn({ err: error.message }, 'web chat: a live entry did not reach the broadcast; pages read it on reconnect'),
  );

  /**
   * Keeps the entry in the shared transcript first, then pushes it to open pages: a reply counts
   * as sent only once the transcript has it, so a page that missed the push reads it on reconnect.
   * An edit of an entry the transcript no longer holds is shown as a new message.
   */
  const show = async (sessionId: string, message: OutboundMessage): Promise<WebEntry> => {
    const view = renderMessage(message);
    const at = now().toISOString();
    const canReply = message.replyKey ? { canReply: true } : {};
    let entry: WebEntry | undefined;
    if (message.edit) {
      const edited: WebEntry = { id: message.edit, from: 'bot', view, at, ...canReply };
      if (await services.replaceWebEntry({ sessionId, entry: toStored(edited) })) entry = edited;
    }
    if (!entry) {
      entry = { id: randomUUID(), from: 'bot', view, at, ...canReply };
      await services.putWebEntry({ sessionId, entry: toStored(entry) });
    }
    await hub.publish(sessionId, entry);
    return entry;
  };

  /** The files an event names, looked up before the (synchronous) parse: only the session's own, still live. */
  const filesNamedBy = async (sessionId: string, body: unknown): Promise<Map<string, FileRef>> => {
    const parsed = eventBodySchema.safeParse(body);
    const refs = !parsed.success
      ? []
      : parsed.data.type === 'form'
        ? parsed.data.files.map((f) => f.ref)
        : parsed.data.type === 'file'
          ? [parsed.data.file.ref]
          : [];
    const found = new Map<string, FileRef>();
    for (const ref of refs) {
      const info = await services.findWebUpload(sessionId, ref);
      if (info) found.set(ref, info);
    }
    return found;
  };

  const signedIn = async (req: WebhookRequest) => {
    const sessionId = await liveSessionOf(req.headers.cookie, config, services, nowMs());
    if (sessionId) return { ok: true as const, principal: sessionId };
    return {
      ok: false as const,
      status: 401 as const,
      reason: notSignedIn(languageFromAcceptLanguage(req.headers['accept-language'])).message,
    };
  };

  async function parseChatEvent(req: WebhookRequest, sessionId: string): Promise<ParseResult<WebAddress, WebTurn>> {
    try {
      const body: unknown = JSON.parse(req.rawBody.toString('utf8'));
      const files = await filesNamedBy(sessionId, body);
      const { event, echo } = parseEvent(body, {
        sessionId,
        lookupFile: (ref) => files.get(ref),
        locale: localeFromAcceptLanguage(req.headers['accept-language']),
      });
      return {
        ok: true,
        value: {
          items: [{ event, address: { sessionId } }],
          turn: { entries: [] },
          answer: { status: 200, headers: ANSWER_HEADERS, body: { messages: [] } },
          // What the user sent shows in their other tabs and after a reload.
          alongside: async () => {
            const entry: WebEntry = {
              id: event.eventId,
              from: 'user',
              view: { kind: 'text', text: echo },
              at: now().toISOString(),
              ...(event.replyTo ? { replyTo: event.replyTo } : {}),
            };
            await services.putWebEntry({ sessionId, entry: toStored(entry) });
            await hub.publish(sessionId, entry);
          },
        },
      };
    } catch (error) {
      if (error instanceof SyntaxError)
        return {
          ok: false,
          status: 400,
          reason: t(languageFromAcceptLanguage(req.headers['accept-language']), 'web.error.badJson'),
        };
      if (error instanceof WebChatError && (error.status === 400 || error.status === 404))
        return { ok: false, status: error.status, reason: error.message };
      throw error;
    }
  }

  async function parseInvite(req: WebhookRequest): Promise<ParseResult<WebAddress, WebTurn>> {
    const token = req.params.token ?? '';
    if (!isTokenShaped(token))
      return {
        ok: false,
        status: 400,
        reason: 'Not an invitation link.',
        answer: {
          status: 400,
          headers: { ...INVITE_PAGE_HEADERS, 'Content-Type': 'text/html; charset=utf-8' },
          body: renderBadInvitePage(languageFromAcceptLanguage(req.headers['accept-language'])),
        },
      };
    const sessionId = newSessionId();
    await services.openWebSession({ sessionId, ttlMs: config.sessionTtlMs });
    // The engine redeems the token for this new identity and answers; the answer (welcome or why
    // not) waits in the session's transcript and is the first thing the chat shows.
    return {
      ok: true,
      value: {
        items: [
          {
            event: startCommandEvent(sessionId, token, randomUUID(), localeFromAcceptLanguage(req.headers['accept-language'])),
            address: { sessionId },
          },
        ],
        turn: { entries: [] },
        answer: { status: 303, headers: { Location: '/chat', 'Set-Cookie': setSessionCookie(sessionId, config, nowMs()) } },
      },
    };
  }

  const adapter: WebChatAdapter = {
    platform: 'WEB',
    capabilities: { forms: true, editInPlace: true, files: true, replies: 'button' },
    address: addressCodec,
    config,
    hub,
    async send(address, message, turn): Promise<SentMessage> {
      const entry = await show(address.sessionId, message);
      turn?.entries.push(entry);
      return { messageRef: entry.id };
    },
    async downloadFile(ref, maxBytes) {
      const bytes = await services.readWebUpload(ref);
      if (!bytes)
        throw toChannelError(new WebChatError('NOT_FOUND', 'That upload has expired; ask the user to attach it again.'));
      if (bytes.length > maxBytes) throw toChannelError(new WebChatError('TOO_LARGE', 'That file is larger than allowed.'));
      return bytes;
    },
    webhooks: [
      {
        path: '/chat/api/events',
        bodyLimitBytes: EVENT_BODY_LIMIT_BYTES,
        answerWithinMs: deps.answerWithinMs ?? EVENT_ANSWER_WITHIN_MS,
        verify: signedIn,
        parse: (req, verified) => parseChatEvent(req, verified.principal ?? ''),
        answerAfter: (turn) => ({ status: 200, headers: ANSWER_HEADERS, body: { messages: turn.entries } }),
      },
      {
        path: '/invite/:token/web',
        bodyLimitBytes: INVITE_BODY_LIMIT_BYTES,
        answerWithinMs: EVENT_ANSWER_WITHIN_MS,
        // Another site must not sign a visitor in as the invitee of its own link (login CSRF).
        verify: (req) => {
          if (sameOrigin(req)) return { ok: true };
          const refusal = t(languageFromAcceptLanguage(req.headers['accept-language']), 'invitePage.crossSite');
          return { ok: false, status: 403, reason: refusal, answer: { status: 403, headers: ANSWER_HEADERS, body: refusal } };
        },
        parse: parseInvite,
      },
    ],
    routes: (app) => mountWebChatRoutes(app, { adapter, services, demoUsers: deps.demoUsers ?? [], logger: deps.logger, now }),
    close: () => hub.closeStreams(),
  };
  return adapter;
}

/** An entry as the transcript stores it (plain JSON). */
const toStored = (entry: WebEntry): { id: string } & Record<string, unknown> => ({ ...entry });

/**
 * Login CSRF: only a form on our own page may sign a browser in. Browsers say where a post comes
 * from in Sec-Fetch-Site; older ones only in Origin, which is `null` when the page's referrer
 * policy hides it (so `null` alone proves nothing either way, and a cross-site post is refused).
 */
function sameOrigin(req: WebhookRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site) return site === 'same-origin';
  const origin = req.headers.origin;
  if (!origin) return true;
  if (origin === 'null') return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
