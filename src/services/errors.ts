/**
 * What a service says when it will not do what was asked. Every message is written for the person
 * at the keyboard and says what to do next; `code` is for the program (HTTP status, chat wording).
 */
export type ServiceErrorCode = 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID' | 'CONFLICT' | 'RATE_LIMITED' | 'EXPIRED';

export abstract class ServiceError extends Error {
  abstract readonly code: ServiceErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
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
    message: string,
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
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

export class ExpiredError extends ServiceError {
  override readonly name = 'ExpiredError';
  readonly code = 'EXPIRED';
}
