import { ChannelError } from '../../src/engine/channel';
import { t } from '../../src/i18n';

/** What the web chat answers when it will not take a request. */
export type WebChatErrorCode = 'UNAUTHORIZED' | 'INVALID' | 'TOO_LARGE' | 'NOT_FOUND' | 'FORBIDDEN' | 'RATE_LIMITED' | 'BUSY';

const STATUS: Record<WebChatErrorCode, number> = {
  UNAUTHORIZED: 401,
  INVALID: 400,
  TOO_LARGE: 413,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  BUSY: 503,
};

export class WebChatError extends Error {
  override readonly name = 'WebChatError';
  constructor(
    readonly code: WebChatErrorCode,
    message: string,
    options: { cause?: unknown; retryAfterMs?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.retryAfterMs = options.retryAfterMs;
  }

  /** For 429 and 503: when to try again (the Retry-After header). */
  readonly retryAfterMs: number | undefined;

  get status(): number {
    return STATUS[this.code];
  }

  /** The JSON body the page shows: `message` is written for the person at the keyboard. */
  toJSON(): { error: string; message: string } {
    return { error: this.code.toLowerCase(), message: this.message };
  }
}

/** `locale`: the page's language (chat.js sends it as Accept-Language), so the person reads the refusal in it. */
export const notSignedIn = (locale = 'en'): WebChatError => new WebChatError('UNAUTHORIZED', t(locale, 'web.error.notSignedIn'));

export const fileTooLarge = (maxBytes: number, locale = 'en'): WebChatError =>
  new WebChatError('TOO_LARGE', t(locale, 'web.error.fileTooLarge', { mb: Math.round(maxBytes / 1024 / 1024) }));

/** The adapter's failures in the engine's neutral terms (STYLE.md §4). */
export function toChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  if (error instanceof WebChatError) {
    const code = error.code === 'BUSY' ? 'UNREACHABLE' : error.code;
    return new ChannelError(code, error.message, { cause: error, retryAfterMs: error.retryAfterMs });
  }
  return new ChannelError('UNREACHABLE', 'The web chat could not do that.', { cause: error });
}
