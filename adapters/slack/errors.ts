import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError } from '@slack/web-api';
import { ChannelError } from '../../src/engine/channel';

/** Slack sometimes omits Retry-After; wait this long then. */
const DEFAULT_RETRY_AFTER_MS = 1_000;

/** Platform errors that mean the app lost its access to that workspace or user. */
const UNAUTHORIZED = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'no_installation',
  // A scope the app was not given: fixed by reinstalling, not a user who is gone.
  'missing_scope',
]);
const FORBIDDEN = new Set(['not_in_channel', 'is_archived', 'cannot_dm_bot', 'user_disabled', 'restricted_action']);
const NOT_FOUND = new Set(['channel_not_found', 'message_not_found', 'user_not_found', 'file_not_found']);

/**
 * A Web API failure in the engine's neutral terms (STYLE.md §4): "Slack said no" (a platform
 * error) is kept apart from "we could not reach Slack" (network, 5xx), which is worth retrying.
 */
export function toChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  if (error instanceof WebAPIRateLimitedError) {
    const retryAfterMs = Number.isFinite(error.retryAfter) ? error.retryAfter * 1000 : DEFAULT_RETRY_AFTER_MS;
    return new ChannelError('RATE_LIMITED', `Slack rate limit: retry after ${retryAfterMs} ms`, { retryAfterMs, cause: error });
  }
  if (error instanceof WebAPIPlatformError) {
    const code = error.data.error;
    const what = `Slack said ${code}`;
    if (UNAUTHORIZED.has(code))
      return new ChannelError('UNAUTHORIZED', `${what} (re-install the app or check SLACK_BOT_TOKEN)`, { cause: error });
    if (FORBIDDEN.has(code)) return new ChannelError('FORBIDDEN', what, { cause: error });
    if (NOT_FOUND.has(code)) return new ChannelError('NOT_FOUND', what, { cause: error });
    if (code === 'ratelimited')
      return new ChannelError('RATE_LIMITED', what, { retryAfterMs: DEFAULT_RETRY_AFTER_MS, cause: error });
    if (code === 'internal_error' || code === 'fatal_error' || code === 'service_unavailable')
      return new ChannelError('UNREACHABLE', what, { cause: error });
    return new ChannelError('INVALID', what, { cause: error });
  }
  if (error instanceof WebAPIHTTPError) {
    const code = error.statusCode >= 500 ? 'UNREACHABLE' : error.statusCode === 404 ? 'NOT_FOUND' : 'INVALID';
    return new ChannelError(code, `Slack answered HTTP ${error.statusCode}`, { cause: error });
  }
  if (error instanceof WebAPIRequestError)
    return new ChannelError('UNREACHABLE', `Slack unreachable: ${error.original.message}`, { cause: error });
  return new ChannelError('UNREACHABLE', `Slack call failed: ${(error as Error)?.message ?? String(error)}`, { cause: error });
}

/** chat.update of a message that is gone or too old to edit: send a new one instead. */
export const isEditImpossible = (error: ChannelError): boolean =>
  error.code === 'NOT_FOUND' || (error.code === 'INVALID' && /cant_update_message|edit_window_closed/.test(error.message));
