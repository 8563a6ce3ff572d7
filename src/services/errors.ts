import { t, type MessageKey, type MessageParams } from '../i18n';

/**
 * What a service says when it will not do what was asked. Every message is written for the person
 * at the keyboard and says what to do next; `code` is for the program (HTTP status, chat wording).
 */
export type ServiceErrorCode = 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID' | 'CONFLICT' | 'RATE_LIMITED' | 'EXPIRED';

/**
 * A message as a catalogue key and its values, so chat says it in the reader's language.
 * `keyParams` are values that are words themselves (a stage name), said in that language too.
 */
export interface Localized {
  key: MessageKey;
  params?: MessageParams;
  keyParams?: Record<string, MessageKey>;
}

export abstract class ServiceError extends Error {
  abstract readonly code: ServiceErrorCode;
  /** Set when the message comes from the catalogue; `message` is then its English (REST API, logs). */
  readonly localized: Localized | undefined;
  constructor(message: string | Localized, options?: { cause?: unknown }) {
    super(typeof message === 'string' ? message : say('en', message), options);
    this.localized = typeof message === 'string' ? undefined : message;
  }

  /** The message in `locale` when it is a catalogue one, else as written (English). */
  messageIn(locale: string): string {
    return this.localized ? say(locale, this.localized) : this.message;
  }
}

function say(locale: string, { key, params = {}, keyParams = {} }: Localized): string {
  const words = Object.fromEntries(Object.entries(keyParams).map(([name, k]) => [name, t(locale, k)]));
  return t(locale, key, { ...params, ...words });
}

export class ForbiddenError extends ServiceError {
  override readonly name = 'ForbiddenError';
  readonly code = 'FORBIDDEN';
}

export class NotFoundError extends ServiceError {
  override readonly name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
}

export class InvalidInputError extends ServiceError {
  override readonly name = 'InvalidInputError';
  readonly code = 'INVALID';
  /** Which input field was refused, so a dialog can ask for exactly that one again. */
  constructor(
    message: string | Localized,
    readonly field?: string,
  ) {
    super(message);
  }
}

export class ConflictError extends ServiceError {
  override readonly name = 'ConflictError';
  readonly code = 'CONFLICT';
}

export class RateLimitedError extends ServiceError {
  override readonly name = 'RateLimitedError';
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string | Localized,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

export class ExpiredError extends ServiceError {
  override readonly name = 'ExpiredError';
  readonly code = 'EXPIRED';
}
