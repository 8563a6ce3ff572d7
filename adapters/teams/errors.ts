import { ChannelError } from '../../src/engine/channel';

/** Bot Framework's answers when no Retry-After came with a throttle. */
const DEFAULT_RETRY_AFTER_MS = 1_000;

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get?(name: string): string | undefined } };
}

const asRestError = (error: unknown): RestErrorLike =>
  typeof error === 'object' && error !== null ? (error as RestErrorLike) : { message: String(error) };

/**
 * A Bot Connector failure in the engine's neutral terms (STYLE.md §4). botbuilder's HTTP pipeline
 * has already retried 429 and 5xx (it honours Retry-After) by the time an error gets here, so
 * what arrives is final for this try: RATE_LIMITED / UNREACHABLE tell the queue to come back later,
 * FORBIDDEN (BotNotInConversationRoster: the app was uninstalled or the user left) says stop.
 */
export function toChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  const e = asRestError(error);
  const status = e.statusCode;
  const what = `Bot Connector: ${status ?? 'no answer'} ${e.code ?? ''} ${e.message ?? ''}`.replace(/\s+/g, ' ').trim();
  if (status === undefined) return new ChannelError('UNREACHABLE', what, { cause: error });
  if (status === 429 || status === 412) {
    const header = Number(e.response?.headers?.get?.('retry-after'));
    const retryAfterMs = Number.isFinite(header) && header > 0 ? header * 1000 : DEFAULT_RETRY_AFTER_MS;
    return new ChannelError('RATE_LIMITED', what, { retryAfterMs, cause: error });
  }
  if (status === 403) return new ChannelError('FORBIDDEN', what, { cause: error });
  if (status === 401)
    return new ChannelError('UNAUTHORIZED', `${what} (check MICROSOFT_APP_ID / MICROSOFT_APP_PASSWORD)`, { cause: error });
  if (status === 404) return new ChannelError('NOT_FOUND', what, { cause: error });
  if (status >= 500) return new ChannelError('UNREACHABLE', what, { cause: error });
  return new ChannelError('INVALID', what, { cause: error });
}

/** The app is not installed for that user any more: Teams' 403 BotNotInConversationRoster. */
export const isNotInRoster = (error: ChannelError): boolean =>
  error.code === 'FORBIDDEN' && /BotNotInConversationRoster/i.test(error.message);
