import { randomUUID } from 'node:crypto';
import type { ChannelAdapter, ParseResult, SentMessage, WebhookRequest } from '../../src/engine/channel';
import type { OutboundMessage } from '../../src/engine/messages';
import type { Logger } from '../../src/logger';
import type { DemoUser } from '../../src/demo/seed';
import type { Services } from '../../src/services';
import { isTokenShaped, renderBadInvitePage, INVITE_PAGE_HEADERS } from '../../src/http/invite-page';
import type { WebChatConfig } from './config';
import { notSignedIn, toChannelError, WebChatError } from './errors';
import { UploadStore } from './files';
import { SessionHub } from './hub';
import { addressCodec, localeFromAcceptLanguage, parseEvent, startCommandEvent, type WebAddress } from './parse';
import { renderMessage, type WebEntry } from './render';
import { mountWebChatRoutes } from './routes';
import { newSessionId, sessionOf, setSessionCookie } from './session';

export interface WebChatAdapterDeps {
  logger: Logger;
  services: Pick<Services, 'resolveIdentity' | 'bindDemoWebIdentity'>;
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

/** The web chat as a channel, plus what its routes and tests reach (uploads, transcript, streams). */
export interface WebChatAdapter extends ChannelAdapter<WebAddress, WebTurn> {
  readonly config: WebChatConfig;
  readonly uploads: UploadStore;
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
  const uploads = new UploadStore({ ttlMs: config.fileTtlMs, now: nowMs });
  const hub = new SessionHub({ transcriptLimit: config.transcriptLimit, idleTtlMs: config.sessionTtlMs, now: nowMs });

  // An edit of a message this process no longer holds (restart, other instance) is shown as new.
  const show = (sessionId: string, message: OutboundMessage): WebEntry => {
    const id = message.edit && hub.has(sessionId, message.edit) ? message.edit : randomUUID();
    const entry: WebEntry = { id, from: 'bot', view: renderMessage(message), at: now().toISOString() };
    hub.publish(sessionId, entry);
    return entry;
  };

  const signedIn = (req: WebhookRequest) => {
    const sessionId = sessionOf(req.headers.cookie, config, nowMs());
    if (sessionId) return { ok: true as const, principal: sessionId };
    return { ok: false as const, status: 401 as const, reason: notSignedIn().message };
  };

  function parseChatEvent(req: WebhookRequest, sessionId: string): ParseResult<WebAddress, WebTurn> {
    try {
      const body: unknown = JSON.parse(req.rawBody.toString('utf8'));
      const { event, echo } = parseEvent(body, {
        sessionId,
        lookupFile: (ref) => uploads.lookup(sessionId, ref),
        locale: localeFromAcceptLanguage(req.headers['accept-language']),
      });
      return {
        ok: true,
        value: {
          items: [{ event, address: { sessionId } }],
          turn: { entries: [] },
          answer: { status: 200, headers: ANSWER_HEADERS, body: { messages: [] } },
          // What the user sent shows in their other tabs and after a reload.
          alongside: async () =>
            hub.publish(sessionId, {
              id: event.eventId,
              from: 'user',
              view: { kind: 'text', text: echo },
              at: now().toISOString(),
            }),
        },
      };
    } catch (error) {
      if (error instanceof SyntaxError) return { ok: false, status: 400, reason: 'The request body is not valid JSON.' };
      if (error instanceof WebChatError && (error.status === 400 || error.status === 404))
        return { ok: false, status: error.status, reason: error.message };
      throw error;
    }
  }

  function parseInvite(req: WebhookRequest): ParseResult<WebAddress, WebTurn> {
    const token = req.params.token ?? '';
    if (!isTokenShaped(token))
      return {
        ok: false,
        status: 400,
        reason: 'Not an invitation link.',
        answer: {
          status: 400,
          headers: { ...INVITE_PAGE_HEADERS, 'Content-Type': 'text/html; charset=utf-8' },
          body: renderBadInvitePage(),
        },
      };
    const sessionId = newSessionId();
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
    capabilities: { forms: true, editInPlace: true, files: true },
    address: addressCodec,
    config,
    uploads,
    hub,
    async send(address, message, turn): Promise<SentMessage> {
      const entry = show(address.sessionId, message);
      turn?.entries.push(entry);
      return { messageRef: entry.id };
    },
    async downloadFile(ref, maxBytes) {
      const bytes = uploads.bytes(ref);
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
        verify: (req) =>
          sameOrigin(req)
            ? { ok: true }
            : {
                ok: false,
                status: 403,
                reason: 'Open the invitation link itself and press the button there.',
                answer: {
                  status: 403,
                  headers: ANSWER_HEADERS,
                  body: 'Open the invitation link itself and press the button there.',
                },
              },
        parse: parseInvite,
      },
    ],
    routes: (app) =>
      mountWebChatRoutes(app, { adapter, services: deps.services, demoUsers: deps.demoUsers ?? [], logger: deps.logger, now }),
    close: () => hub.closeStreams(),
  };
  return adapter;
}

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
