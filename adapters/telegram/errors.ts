import { GrammyError, HttpError } from 'grammy';
import { ChannelError } from '../../src/engine/channel';

/** Telegram sometimes omits retry_after on a 429; wait this long then. */
const DEFAULT_RETRY_AFTER_MS = 1_000;

/**
 * A Bot API failure in the engine's neutral terms (STYLE.md §4): "the API said no" (4xx) is kept
 * apart from "we could not reach it" (5xx, network), which is worth retrying.
 */
export function toChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  if (error instanceof GrammyError) {
    const what = `Telegram ${error.method}: ${error.error_code} ${error.description}`;
    switch (true) {
      case error.error_code === 429: {
        const seconds = error.parameters.retry_after;
        const retryAfterMs = typeof seconds === 'number' ? seconds * 1000 : DEFAULT_RETRY_AFTER_MS;
        return new ChannelError('RATE_LIMITED', what, { retryAfterMs, cause: error });
      }
      // The user blocked the bot, or it was removed from the group: not worth retrying.
      case error.error_code === 403:
        return new ChannelError('FORBIDDEN', what, { cause: error });
      case error.error_code === 401:
        return new ChannelError('UNAUTHORIZED', `${what} (check TELEGRAM_BOT_TOKEN)`, { cause: error });
      case error.error_code === 404:
        return new ChannelError('NOT_FOUND', what, { cause: error });
      case error.error_code >= 500:
        return new ChannelError('UNREACHABLE', what, { cause: error });
      default:
        return new ChannelError('INVALID', what, { cause: error });
    }
  }
  if (error instanceof HttpError)
    return new ChannelError('UNREACHABLE', `Telegram unreachable: ${error.message}`, { cause: error });
  return new ChannelError('UNREACHABLE', `Telegram call failed: ${(error as Error)?.message ?? String(error)}`, { cause: error });
}

/** editMessageText with the same content: Telegram says 400 "message is not modified"; that is success. */
export const isNotModified = (error: unknown): boolean =>
  error instanceof GrammyError && error.error_code === 400 && /message is not modified/i.test(error.description);

/** An edit of a message that is gone or too old: send a new one instead. */
export const isEditImpossible = (error: unknown): boolean =>
  error instanceof GrammyError &&
  error.error_code === 400 &&
  /message to edit not found|message can't be edited|message_id_invalid/i.test(error.description);
