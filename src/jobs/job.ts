import type { z } from 'zod';

/**
 * A kind of background work: its name, the zod schema of its data (checked when it is added and
 * again when it runs, since the data crossed Redis) and its handler.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  handler: (data: z.output<S>, context: JobContext) => Promise<void>;
  /** Total tries, the first included. Default 5. */
  attempts?: number;
  /** First retry delay; doubles each time unless the error names its own. Default 1000 ms. */
  backoffMs?: number;
  /** A try running longer than this fails (and is retried). Default 30 s. */
  timeoutMs?: number;
  /** Called once when the last try has failed, so the failure is recorded, never dropped. */
  onFailed?: (data: z.output<S>, error: Error) => Promise<void>;
  /**
   * Jobs of this kind run at once per process on bull (default: the queue's, 8). Raise it for work
   * that mostly waits on a remote API (notification delivery), not for CPU work (resume reading).
   */
  concurrency?: number;
}

export interface JobContext {
  /** 1 for the first try. */
  attempt: number;
  /** True when no retry follows if this try fails. */
  lastAttempt: boolean;
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/** Thrown by a handler to be retried after the time the remote side asked for (HTTP 429). */
export class RetryAfterError extends Error {
  override readonly name = 'RetryAfterError';
  constructor(
    readonly retryAfterMs: number,
    message = `retry after ${retryAfterMs} ms`,
  ) {
    super(message);
  }
}

/** Thrown by a handler when trying again cannot help (the user blocked the bot, bad data). */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

export const DEFAULT_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 1000;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The delay before try `attempt + 1`, shared by both queue backends. */
export function retryDelayMs(definition: JobDefinition, attempt: number, error: unknown): number {
  if (error instanceof RetryAfterError) return error.retryAfterMs;
  return (definition.backoffMs ?? DEFAULT_BACKOFF_MS) * 2 ** (attempt - 1);
}

export function shouldRetry(definition: JobDefinition, attempt: number, error: unknown): boolean {
  return !(error instanceof PermanentJobError) && attempt < (definition.attempts ?? DEFAULT_ATTEMPTS);
}

export class JobTimeoutError extends Error {
  override readonly name = 'JobTimeoutError';
}

export async function withTimeout<T>(work: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JobTimeoutError(`${label} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
