import type { ChannelError } from '../../src/engine/channel';

/**
 * How a platform API call is retried inside an adapter. A 429 whose wait fits in `maxWaitMs` is
 * waited out here (a direct reply should still arrive, and in order); a longer one is thrown as
 * RATE_LIMITED{retryAfterMs} so the job queue reschedules the delivery instead of holding a webhook
 * request. Network failures and 5xx (UNREACHABLE) get a short backoff; refusals are never retried.
 */
export interface RetryPolicy {
  /** Tries in all, first included. */
  maxAttempts: number;
  /** The longest Retry-After / retry_after honoured inline. */
  maxWaitMs: number;
  /** First backoff after a 5xx / network failure; doubles each time. */
  backoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, maxWaitMs: 5_000, backoffMs: 250 };

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `call` under the policy; throws the last failure as a ChannelError. `toChannelError` is the
 * adapter's own mapping of its SDK's errors (STYLE.md §4).
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  sleep: Sleep,
  toChannelError: (raw: unknown) => ChannelError,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (raw) {
      const error = toChannelError(raw);
      const wait = retryWait(error, attempt, policy);
      if (wait === null) throw error;
      await sleep(wait);
    }
  }
}

function retryWait(error: ChannelError, attempt: number, policy: RetryPolicy): number | null {
  if (attempt >= policy.maxAttempts) return null;
  if (error.code === 'RATE_LIMITED') {
    const ms = error.options.retryAfterMs ?? policy.backoffMs;
    return ms <= policy.maxWaitMs ? ms : null;
  }
  if (error.code === 'UNREACHABLE') return policy.backoffMs * 2 ** (attempt - 1);
  return null;
}
