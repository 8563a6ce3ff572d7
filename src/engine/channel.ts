import type { PlatformName } from '../domain/platforms';
import type { Mount } from '../http/app';
import type { InboundEventInput, OutboundMessage } from './messages';

/**
 * The port every platform adapter implements (STYLE.md §1), in the spirit of vercel/chat's
 * `Adapter`: what the engine and the delivery path need (capabilities, a typed address, send,
 * download) and what the one webhook runner (src/http/webhook.ts) needs (verify, parse, the HTTP
 * answer). Adapters live in `adapters/<platform>`, export only `createXAdapter(config, deps)`, and
 * never call the engine themselves: the runner does, the same way for every platform.
 *
 * `A` is the adapter's conversation address (where a message goes); `T` is what one inbound
 * request lends to the sends it causes (Slack's trigger id and bot token, the Teams activity being
 * answered, the web chat's entries for the HTTP answer). Both stay the adapter's own types: the
 * core holds an address only as the JSON its codec made.
 */
export interface ChannelAdapter<A = unknown, T = unknown> {
  readonly platform: PlatformName;
  /** What the channel can do; the engine degrades instead of branching on the platform's name. */
  readonly capabilities: ChannelCapabilities;
  /** Stored addresses (JSON in the database) to and from the adapter's typed address. */
  readonly address: AddressCodec<A>;
  /**
   * Sends a message (or edits the one `message.edit` names) to an address; returns the platform's
   * message ref. `turn` is set for the replies to an inbound request and absent for proactive sends.
   * Throws ChannelError: RATE_LIMITED{retryAfterMs}, FORBIDDEN (blocked / uninstalled), …
   */
  send(address: A, message: OutboundMessage, turn?: T): Promise<SentMessage>;
  /** Fetches the bytes of a file the user sent (the `ref` of an inbound file). */
  downloadFile(ref: string, maxBytes: number): Promise<Buffer>;
  /** The platform's webhooks (one for most; the web chat has its event and invitation routes). */
  readonly webhooks: readonly ChannelWebhook<A, T>[];
  /** Routes besides the webhooks: Slack's OAuth install, the web chat's page, history and stream. */
  readonly routes?: Mount;
  /** Ends what the adapter holds open (event streams, sockets) at shutdown. */
  close?(): Promise<void> | void;
  /**
   * Whether the platform answers and takes our credentials (Slack `auth.test`, Telegram `getMe`):
   * run at start and now and then, and while it fails, again with backoff; the channel's webhooks
   * answer 503 meanwhile and the other channels go on. Throws ChannelError (UNREACHABLE,
   * UNAUTHORIZED, …). Absent: nothing to check.
   */
  check?(): Promise<void>;
  /**
   * The person's language as the platform knows it (BCP 47), for platforms whose events do not
   * carry it (Slack keeps it on the user: `users.info` with `include_locale`). Asked only when the
   * engine has no language for the person yet (first contact, an invitation redeemed); undefined
   * or a throw means the event's own locale is used. Absent: the event's `locale` is all there is.
   */
  userLocale?(identity: { workspaceId: string; platformUserId: string }): Promise<string | undefined>;
}

export interface ChannelCapabilities {
  /** Renders a `form` body as one form (Slack modal, Adaptive Card, HTML form). */
  forms: boolean;
  /** Can replace an earlier message (paged lists). */
  editInPlace: boolean;
  /** Users can send files. */
  files: boolean;
  /**
   * How a person answers one particular message there, so a relayed message can say it in the
   * channel's own words: Telegram's reply, a Slack thread, a Teams quote, the web chat's Reply
   * button. Absent: the channel cannot tie an answer to a message (the hint names `comment`).
   */
  replies?: ReplyControl;
}

export type ReplyControl = 'reply' | 'thread' | 'quote' | 'button';

export interface SentMessage {
  messageRef: string;
}

/** A platform's conversation address as stored (JSON) and as the adapter uses it (typed). */
export interface AddressCodec<A> {
  encode(address: A): StoredAddress;
  /** Null for a value that is not this platform's address (another platform's, or a stale shape). */
  decode(stored: unknown): A | null;
}

export type StoredAddress = string | number | boolean | null | StoredAddress[] | { [key: string]: StoredAddress };

/** One webhook request as the runner hands it to an adapter: raw bytes, so signatures can be checked. */
export interface WebhookRequest {
  method: string;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** Route parameters (`/invite/:token/web` → `{ token }`). */
  params: Readonly<Record<string, string>>;
  rawBody: Buffer;
  requestId: string;
}

/** What the platform gets as the HTTP answer. A string body is sent as text, anything else as JSON. */
export interface WebhookAnswer {
  status: number;
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
}

/** Verification's verdict: 401 (or 503 when the keys could not be fetched) and nothing else on failure. */
export type VerifyResult =
  | { ok: true; principal?: string }
  /** `answer` replaces the runner's JSON error (the invitation button answers with a sentence a person reads). */
  | { ok: false; status: 401 | 403 | 503; reason: string; answer?: WebhookAnswer };

/** An event for the engine and, apart from it, the typed address its replies go to. */
export interface InboundItem<A> {
  event: InboundEventInput;
  address: A;
}

export interface ParsedRequest<A, T> {
  /** The events to hand to the engine, in order; none for a body that needs only an answer. */
  items: InboundItem<A>[];
  /** Shared by the sends of this request's replies (see `ChannelAdapter.send`). */
  turn: T;
  /** The answer when nothing better is known by the deadline (usually 200 with no body). */
  answer: WebhookAnswer;
  /** Answer at once, before the engine runs (Slack wants its ack inside 3 s, whatever happens). */
  answerFirst?: boolean;
  /** Work that runs beside the engine and is awaited before the request is done (Telegram's answerCallbackQuery). */
  alongside?: () => Promise<void>;
}

export type ParseResult<A, T> =
  | { ok: true; value: ParsedRequest<A, T> }
  /** `answer` replaces the runner's JSON error (the invitation page answers with a page). */
  | { ok: false; status: 400 | 404 | 413; reason: string; answer?: WebhookAnswer };

export interface ChannelWebhook<A, T> {
  /** Express path, e.g. `/telegram/webhook` or `/invite/:token/web`. */
  path: string;
  /** Bodies past this are refused with 413 before verification reads them. */
  bodyLimitBytes: number;
  /**
   * The request is answered when its events are handled and replied to, or after this long,
   * whichever comes first (the rest goes on after the answer): inside the platform's own timeout,
   * so it never retries a request we are still working on.
   */
  answerWithinMs: number;
  verify(req: WebhookRequest): VerifyResult | Promise<VerifyResult>;
  parse(req: WebhookRequest, verified: { principal?: string }): ParseResult<A, T> | Promise<ParseResult<A, T>>;
  /**
   * Runs after the answer for answer-first requests and before the engine otherwise: fixes up an
   * item whose address needs the platform's API (Slack opens the user's DM for a channel mention).
   */
  prepare?(item: InboundItem<A>, turn: T): Promise<InboundItem<A>>;
  /** The answer once every reply is sent, when it depends on them (a Teams invoke, the web chat's entries). */
  answerAfter?(turn: T): WebhookAnswer;
  /** Told when the deadline came first and the default answer went out, so later replies do not count on answerAfter. */
  answeredEarly?(turn: T): void;
}

/** Neutral errors an adapter maps its platform's failures onto (STYLE.md §4). */
export type ChannelErrorCode =
  | 'RATE_LIMITED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'INVALID'
  /** A download past its byte limit, whatever size the platform claimed: the user hears "too large", not "send again". */
  | 'TOO_LARGE'
  | 'UNREACHABLE';

export class ChannelError extends Error {
  override readonly name = 'ChannelError';
  constructor(
    readonly code: ChannelErrorCode,
    message: string,
    readonly options: { retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
  }
}
